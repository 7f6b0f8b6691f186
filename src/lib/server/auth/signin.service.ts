/**
 * Sign-in with username or phone number. Failures are counted in the database (so limits hold
 * across several app instances), one counter per account whatever identifier was typed, at
 * three levels: this account from this client, this client on any account, and this account
 * from anywhere. Past a level's allowance each further failure makes the wait longer (1, 2, 4 …
 * minutes up to SIGNIN_MAX_BACKOFF_MINUTES) instead of locking the account: someone guessing
 * from elsewhere slows themselves, not the owner at their own device. Unknown users cost the
 * same password hash as known ones and get the same answer.
 */
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { AppError } from '$lib/server/errors';
import { audit } from '$lib/server/audit/audit.service';
import { hashPassword, verifyPassword } from './password';
import { createSession } from './session';
import * as repo from './auth.repository';

const MINUTE = 60_000;

interface Level {
  key: string;
  allowance: number;
}

function levels(who: string, client: string): Level[] {
  return [
    { key: `signin:${who}:${client}`, allowance: config.SIGNIN_MAX_ATTEMPTS },
    { key: `signin-client:${client}`, allowance: config.SIGNIN_CLIENT_MAX_ATTEMPTS },
    { key: `signin:${who}`, allowance: config.SIGNIN_ACCOUNT_MAX_ATTEMPTS }
  ];
}

/** The wait after `count` failures at a level with `allowance` free ones (0 while within it). */
export function backoffMinutes(count: number, allowance: number): number {
  if (count < allowance) return 0;
  return Math.min(2 ** (count - allowance), config.SIGNIN_MAX_BACKOFF_MINUTES);
}

/** Milliseconds still to wait before another attempt, over all levels. */
async function waitMs(db: Db, checks: Level[], now: number): Promise<number> {
  const rows = await repo.findRateLimits(
    db,
    checks.map((c) => c.key)
  );
  let wait = 0;
  for (const row of rows) {
    const level = checks.find((c) => c.key === row.key)!;
    // reset_at runs SIGNIN_WINDOW_MINUTES from the last failure.
    const last = Date.parse(row.reset_at) - config.SIGNIN_WINDOW_MINUTES * MINUTE;
    const until = last + backoffMinutes(row.count, level.allowance) * MINUTE;
    if (Date.parse(row.reset_at) > now) wait = Math.max(wait, until - now);
  }
  return wait;
}

async function recordFailure(db: Db, checks: Level[], now: number): Promise<void> {
  const resetAt = new Date(now + config.SIGNIN_WINDOW_MINUTES * MINUTE).toISOString();
  for (const c of checks) await repo.bumpRateLimit(db, c.key, new Date(now).toISOString(), resetAt);
}

// Checking a password against this costs what checking a real one costs.
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword('no-such-account-' + Math.random()));

export async function signIn(db: Db, login: string, password: string, client = 'unknown') {
  const now = Date.now();
  const account = await repo.findAccountByLogin(db, login.trim());
  const who = account ? `account:${account.id}` : `name:${login.trim().toLowerCase()}`;
  const checks = levels(who, client);
  const wait = await waitMs(db, checks, now);
  if (wait > 0)
    throw new AppError('RATE_LIMITED', 'seca_signin_wait', { minutes: Math.max(1, Math.ceil(wait / MINUTE)) });
  const valid = await verifyPassword(account ? account.password_hash : await dummy(), password);
  if (!account || account.disabled || !valid) {
    await recordFailure(db, checks, now);
    throw new AppError('UNAUTHENTICATED', 'auth_invalid_credentials');
  }
  await repo.deleteRateLimit(db, checks[0].key);
  const at = new Date().toISOString();
  await repo.markSignedIn(db, account.id, at);
  await audit(
    db,
    { kind: 'account', accountId: account.id, name: account.username, grants: [] },
    { action: 'sign_in', entityType: 'account', entityId: account.id }
  );
  const session = await createSession(db, account.id);
  return { ...session, account };
}
