/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so a report description like
 * `=HYPERLINK(…)` opens as the words typed, never as something that runs on an officer's PC.
 * Numbers are written as numbers: a negative count stays a number.
 */
export function csvField(text: string, isNumber = false): string {
  const s = !isNumber && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
