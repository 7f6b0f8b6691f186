import type { Db } from '$lib/server/db';
import type { Grant } from '$lib/server/access/actor';
import type { Role } from '$lib/shared/roles';

export async function findAccountByLogin(db: Db, login: string) {
  return db
    .selectFrom('account')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', login), eb('phone', '=', login)]))
    .executeTakeFirst();
}

export async function insertSession(
  db: Db,
  row: { id: string; account_id: string; expires_at: string; created_at: string }
) {
  await db.insertInto('session').values(row).execute();
}

export async function findSessionWithAccount(db: Db, sessionId: string) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select([
      'session.id as session_id',
      'session.expires_at',
      'account.id',
      'account.username',
      'account.display_name',
      'account.must_change_password',
      'account.disabled'
    ])
    .where('session.id', '=', sessionId)
    .executeTakeFirst();
}

export async function updateSessionExpiry(db: Db, sessionId: string, expiresAt: string) {
  await db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfAccount(db: Db, accountId: string) {
  await db.deleteFrom('session').where('account_id', '=', accountId).execute();
}

export async function findActiveGrants(db: Db, accountId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grant')
    .select(['role', 'organisation_id'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, organisationId: r.organisation_id }));
}

export async function findRateLimit(db: Db, key: string) {
  return db.selectFrom('rate_limit').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function upsertRateLimit(db: Db, key: string, count: number, resetAt: string) {
  await db
    .insertInto('rate_limit')
    .values({ key, count, reset_at: resetAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ count, reset_at: resetAt }))
    .execute();
}

/**
 * One more attempt for `key`, counted in the database in a single statement (parallel attempts
 * never undercount): a counter whose memory ended (`reset_at` passed) starts again at 1; the
 * memory then runs `resetAt` from this attempt. Returns the count after this attempt.
 */
export async function bumpRateLimit(db: Db, key: string, now: string, resetAt: string): Promise<number> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, count: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limit.reset_at', '<=', now)
          .then(eb.lit(1))
          .else(eb('rate_limit.count', '+', eb.lit(1)))
          .end(),
        reset_at: resetAt
      }))
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * `n` more attempts in a fixed window (a window that has ended starts again with these `n`,
 * running to `resetAt`); the count after them and the window's end, in one statement.
 */
export async function bumpFixedWindowBy(
  db: Db,
  key: string,
  n: number,
  now: string,
  resetAt: string
): Promise<{ count: number; resetAt: string }> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, count: n, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const ended = eb('rate_limit.reset_at', '<=', now);
        return {
          count: eb
            .case()
            .when(ended)
            .then(eb.val(n))
            .else(eb('rate_limit.count', '+', eb.val(n)))
            .end(),
          reset_at: eb.case().when(ended).then(eb.val(resetAt)).else(eb.ref('rate_limit.reset_at')).end()
        };
      })
    )
    .returning(['count', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), resetAt: row.reset_at };
}

export async function findRateLimits(db: Db, keys: string[]) {
  return db.selectFrom('rate_limit').selectAll().where('key', 'in', keys).execute();
}

export async function deleteRateLimit(db: Db, key: string) {
  await db.deleteFrom('rate_limit').where('key', '=', key).execute();
}

export async function markSignedIn(db: Db, accountId: string, at: string) {
  await db.updateTable('account').set({ last_sign_in_at: at }).where('id', '=', accountId).execute();
}

export async function findApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('account', 'account.id', 'api_token.account_id')
    .select([
      'api_token.id',
      'api_token.account_id',
      'api_token.last_used_at',
      'account.display_name',
      'account.disabled'
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, id: string, at: string) {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Ends every session of the account except `keepSessionId` (after a password change). */
export async function deleteOtherSessions(db: Db, accountId: string, keepSessionId: string) {
  await db.deleteFrom('session').where('account_id', '=', accountId).where('id', '!=', keepSessionId).execute();
}
