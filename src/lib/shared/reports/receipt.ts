/**
 * Receipt codes as people see them: 16 digits shown in four groups of four. Input is read
 * tolerantly (spaces, dashes, dots, full-width digits) because people copy them from paper.
 */
export const RECEIPT_DIGITS = 16;

/** "1234567890123456" → "1234 5678 9012 3456". */
export function formatReceipt(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Any typed form → the 16 digits, or null when it is not a receipt code. */
export function parseReceipt(input: string | null | undefined): string | null {
  if (!input) return null;
  const ascii = input.normalize('NFKC'); // full-width ０-９ → 0-9
  const stripped = ascii.replace(/[\s\-–—._/]/g, '');
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(stripped) ? stripped : null;
}
