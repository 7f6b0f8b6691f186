/** Turns a request's cookie or bearer token into an Actor with its role grants. */
import type { Db } from '$lib/server/db';
import { ANONYMOUS, type Actor } from '$lib/server/access/actor';
import * as repo from './auth.repository';
import { hashToken, validateSession, type SessionAccount } from './session';

export interface RequestCredentials {
  cookie?: string;
  authorization?: string | null;
}

// Scripts may call the API many times a minute; one write per token every few minutes is
// enough to tell an administrator whether a token is still in use.
const TOUCH_EVERY_MS = 5 * 60_000;

async function touchToken(db: Db, id: string, lastUsedAt: string | null): Promise<void> {
  if (lastUsedAt && Date.now() - new Date(lastUsedAt).getTime() < TOUCH_EVERY_MS) return;
  await repo.touchApiToken(db, id, new Date().toISOString());
}

export async function resolveActor(
  db: Db,
  creds: RequestCredentials
): Promise<{ actor: Actor; account: SessionAccount | null; clearCookie: boolean }> {
  const bearer = creds.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const token = await repo.findApiToken(db, hashToken(bearer));
    if (!token || token.disabled) return { actor: ANONYMOUS, account: null, clearCookie: false };
    await touchToken(db, token.id, token.last_used_at);
    const grants = await repo.findActiveGrants(db, token.account_id);
    return {
      actor: { kind: 'account', accountId: token.account_id, name: token.display_name, grants, via: 'token' },
      account: null,
      clearCookie: false
    };
  }
  if (!creds.cookie) return { actor: ANONYMOUS, account: null, clearCookie: false };
  const account = await validateSession(db, creds.cookie);
  if (!account) return { actor: ANONYMOUS, account: null, clearCookie: true };
  const grants = await repo.findActiveGrants(db, account.id);
  return {
    actor: { kind: 'account', accountId: account.id, name: account.username, grants, via: 'session' },
    account,
    clearCookie: false
  };
}
