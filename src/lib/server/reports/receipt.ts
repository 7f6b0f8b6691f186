/**
 * Receipt codes: 16 random digits from the CSPRNG (~53 bits), given once to the reporter and
 * stored only as HMAC-SHA256(APP_SECRET, digits) so a database leak does not reveal them and
 * hashes cannot be brute-forced offline without the secret.
 */
import { createHmac, randomInt } from 'node:crypto';
import { config } from '$lib/server/config';
import { RECEIPT_DIGITS, parseReceipt } from '$lib/shared/reports/receipt';

/** 16 digits, leading zeros allowed (two 8-digit draws: randomInt's range is below 2^48). */
export function newReceiptCode(): string {
  const half = () => String(randomInt(0, 100_000_000)).padStart(RECEIPT_DIGITS / 2, '0');
  return half() + half();
}

export function hashReceipt(code: string, secret: string = config.APP_SECRET): string {
  const digits = parseReceipt(code);
  if (!digits) throw new RangeError('not a receipt code');
  return createHmac('sha256', secret).update(`receipt:${digits}`).digest('hex');
}

/** Hash of whatever the user typed, or null when it cannot be a receipt code. */
export function hashReceiptInput(input: string, secret: string = config.APP_SECRET): string | null {
  return parseReceipt(input) ? hashReceipt(input, secret) : null;
}

export function newReceipt(secret: string = config.APP_SECRET): { code: string; hash: string } {
  const code = newReceiptCode();
  return { code, hash: hashReceipt(code, secret) };
}
