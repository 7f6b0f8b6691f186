/**
 * Receipts on retry, and the follow-up capability.
 *
 * Retry (decision): the receipt code is DERIVED from the form's one-time idempotency key,
 * code = HMAC(APP_SECRET, key) → 16 digits. A retried or double-clicked POST with the same key
 * finds the same report and can show the same receipt, with no server-side cache to lose on a
 * restart or to share between processes. The key is 128 random bits minted by the server at
 * page load and only ever sits in that reporter's own page. To keep a stray key from being a
 * permanent second receipt, a replay shows the code only within RECEIPT_REPLAY_MINUTES of
 * creation; later it says "already sent" without the code. Without a key (API callers), the
 * code is random as usual. The database still stores only the receipt's hash.
 *
 * Follow-up (decision): the code is POSTed, never put in a URL (URLs end up in logs, history
 * and Referer headers). The server answers with an httpOnly, SameSite=Strict cookie holding a
 * session-less signed token `reportId.expiry.hmac`, valid for FOLLOW_TTL_MINUTES.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '$lib/server/config';

export const RECEIPT_REPLAY_MINUTES = 60;
export const FOLLOW_COOKIE = 'cs_follow';
export const FOLLOW_TTL_MINUTES = 120;

const hmac = (label: string, value: string, secret: string) =>
  createHmac('sha256', secret).update(`${label}:${value}`).digest();

/** 22 url-safe characters, 128 bits. */
export function newIdempotencyKey(): string {
  return randomBytes(16).toString('base64url');
}

export function receiptFromKey(key: string, secret: string = config.APP_SECRET): string {
  const n = hmac('receipt-from-key', key, secret).readBigUInt64BE(0) % 10n ** 16n;
  return n.toString().padStart(16, '0');
}

export function signFollowToken(reportId: string, now = Date.now(), secret: string = config.APP_SECRET): string {
  const exp = Math.floor(now / 1000) + FOLLOW_TTL_MINUTES * 60;
  const body = `${reportId}.${exp}`;
  return `${body}.${hmac('follow', body, secret).toString('base64url')}`;
}

/** The report id, or null when the token is forged, altered or expired. */
export function verifyFollowToken(
  token: string | undefined,
  now = Date.now(),
  secret: string = config.APP_SECRET
): string | null {
  const parts = (token ?? '').split('.');
  if (parts.length !== 3) return null;
  const [id, exp, sig] = parts;
  const want = hmac('follow', `${id}.${exp}`, secret);
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  return Number(exp) * 1000 > now ? id : null;
}
