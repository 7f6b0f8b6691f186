/**
 * Sign-in with username or phone number. Failures are rate-limited per login name in the
 * database (so it holds across several app instances) and answer the same generic error
 * whether the account exists or not.
 */
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { AppError } from '$lib/server/errors';
import { audit } from '$lib/server/audit/audit.service';
import { verifyPassword } from './password';
import { createSession } from './session';
import * as repo from './auth.repository';

const rateKey = (login: string) => `signin:${login.toLowerCase()}`;

async function checkRate(db: Db, key: string): Promise<void> {
  const row = await repo.findRateLimit(db, key);
  if (row && new Date(row.reset_at).getTime() > Date.now() && row.count >= config.SIGNIN_MAX_ATTEMPTS) {
    throw new AppError('RATE_LIMITED', 'auth_rate_limited');
  }
}

async function recordFailure(db: Db, key: string): Promise<void> {
  const row = await repo.findRateLimit(db, key);
  const live = row && new Date(row.reset_at).getTime() > Date.now();
  const resetAt = live ? row!.reset_at : new Date(Date.now() + config.SIGNIN_WINDOW_MINUTES * 60_000).toISOString();
  await repo.upsertRateLimit(db, key, live ? row!.count + 1 : 1, resetAt);
}

export async function signIn(db: Db, login: string, password: string) {
  const key = rateKey(login.trim());
  await checkRate(db, key);
  const account = await repo.findAccountByLogin(db, login.trim());
  const ok = account && !account.disabled && (await verifyPassword(account.password_hash, password));
  if (!ok) {
    await recordFailure(db, key);
    throw new AppError('UNAUTHENTICATED', 'auth_invalid_credentials');
  }
  await repo.deleteRateLimit(db, key);
  const now = new Date().toISOString();
  await repo.markSignedIn(db, account.id, now);
  await audit(
    db,
    { kind: 'account', accountId: account.id, name: account.username, grants: [] },
    {
      action: 'sign_in',
      entityType: 'account',
      entityId: account.id
    }
  );
  const session = await createSession(db, account.id);
  return { ...session, account };
}
