/**
 * API tokens for scripts. The raw token is returned once to the administrator; only its
 * SHA-256 is stored, and neither ever reaches the audit trail. A token acts as its account, so
 * an administrator mints tokens only for their own account: one for another account would let
 * them act as that person (the custodian, for instance) with the audit naming the other.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { audit } from '$lib/server/audit/audit.service';
import { generateToken, hashToken } from '$lib/server/auth/session';
import * as repo from '$lib/server/auth/account.repository';
import { getAccount } from './accounts.service';

export const TOKEN_PREFIX = 'cs_';

export async function listTokens(db: Db, actor: Actor, accountId: string) {
  await getAccount(db, actor, accountId);
  return repo.listTokens(db, accountId);
}

export async function createToken(
  db: Db,
  actor: Actor,
  accountId: string,
  name: string
): Promise<{ id: string; token: string }> {
  const account = await getAccount(db, actor, accountId);
  if (accountId !== actor.accountId) throw new AppError('FORBIDDEN', 'sec_err_token_self');
  const token = TOKEN_PREFIX + generateToken();
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await repo.insertToken(tx, {
      id,
      account_id: accountId,
      name,
      token_hash: hashToken(token),
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null
    });
    await audit(tx, actor, {
      action: 'create',
      entityType: 'api_token',
      entityId: id,
      after: { username: account.username, name }
    });
  });
  return { id, token };
}

export async function revokeToken(db: Db, actor: Actor, accountId: string, tokenId: string): Promise<void> {
  const account = await getAccount(db, actor, accountId);
  const token = await repo.findLiveToken(db, accountId, tokenId);
  if (!token) throw notFound();
  await db.transaction().execute(async (tx) => {
    await repo.revokeToken(tx, tokenId, nowIso());
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'api_token',
      entityId: tokenId,
      before: { username: account.username, name: token.name }
    });
  });
}
