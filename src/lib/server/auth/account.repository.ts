/** SQL for accounts, role grants and API tokens. No rules here: callers pass scope filters in. */
import type { Insertable, SelectQueryBuilder, Updateable } from 'kysely';
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import type { AccountTable, ApiTokenTable, DB, RoleGrantTable } from '$lib/server/db/schema';
import { containsFolded } from '$lib/server/db/predicates';
import { fold } from '$lib/shared/text';

/** A subquery yielding organisation ids (from access.ts scopeSubquery). */
export type OrgScope = SelectQueryBuilder<DB, 'organisation_closure', { descendant_id: string }>;

export const accountSearchText = (a: { display_name: string; username: string; phone?: string | null }) =>
  fold([a.display_name, a.username, a.phone ?? ''].join(' '));

export async function insertAccount(db: Db, row: Insertable<AccountTable>): Promise<void> {
  await db
    .insertInto('account')
    .values({ search_text: accountSearchText(row), ...row })
    .execute();
}

export async function insertGrant(db: Db, row: RoleGrantTable): Promise<void> {
  await db.insertInto('role_grant').values(row).execute();
}

export const findAccountById = (db: Db, id: string) =>
  db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();

export async function findAccountIdBy(db: Db, column: 'username' | 'phone', value: string, exceptId?: string) {
  let q = db.selectFrom('account').select('id').where(column, '=', value);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst())?.id ?? null;
}

export async function updateAccount(db: Db, id: string, patch: Updateable<AccountTable>): Promise<void> {
  await db.updateTable('account').set(patch).where('id', '=', id).execute();
}

/** Accounts an administrator may see: those with no live grant, or a live grant in scope. */
function visible(db: Db, scope: OrgScope) {
  return db
    .selectFrom('account')
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('role_grant as g')
              .select('g.id')
              .whereRef('g.account_id', '=', 'account.id')
              .where('g.revoked_at', 'is', null)
          )
        ),
        eb.exists(
          eb
            .selectFrom('role_grant as g')
            .select('g.id')
            .whereRef('g.account_id', '=', 'account.id')
            .where('g.revoked_at', 'is', null)
            .where('g.organisation_id', 'in', scope)
        )
      ])
    );
}

export async function isAccountVisible(db: Db, scope: OrgScope, id: string): Promise<boolean> {
  return !!(await visible(db, scope).select('account.id').where('account.id', '=', id).executeTakeFirst());
}

export async function searchAccounts(db: Db, scope: OrgScope, q: string, limit: number, offset: number) {
  let query = visible(db, scope);
  if (q) query = query.where(containsFolded('account.search_text', q));
  return query
    .select([
      'account.id',
      'account.username',
      'account.display_name',
      'account.phone',
      'account.disabled',
      'account.must_change_password',
      'account.last_sign_in_at'
    ])
    .orderBy(collate(db, 'account.username'))
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function listGrants(db: Db, accountId: string) {
  return db
    .selectFrom('role_grant')
    .innerJoin('organisation', 'organisation.id', 'role_grant.organisation_id')
    .select([
      'role_grant.id',
      'role_grant.role',
      'role_grant.organisation_id',
      'role_grant.created_at',
      'organisation.name as organisation_name'
    ])
    .where('role_grant.account_id', '=', accountId)
    .where('role_grant.revoked_at', 'is', null)
    .orderBy(collate(db, 'organisation.sort_key'))
    .orderBy('role_grant.role')
    .execute();
}

export const findLiveGrant = (db: Db, id: string) =>
  db.selectFrom('role_grant').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();

export const findSameGrant = (db: Db, accountId: string, role: string, organisationId: string) =>
  db
    .selectFrom('role_grant')
    .select('id')
    .where('account_id', '=', accountId)
    .where('role', '=', role)
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export async function revokeGrant(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('role_grant').set({ revoked_at: at }).where('id', '=', id).execute();
}

export const organisationsIn = (db: Db, scope: OrgScope) =>
  db
    .selectFrom('organisation')
    .select(['id', 'name', 'parent_id', 'sort_key', 'valid_to'])
    .where('id', 'in', scope)
    .execute();

export const findOrganisationName = async (db: Db, id: string) =>
  (await db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;

export async function insertToken(db: Db, row: ApiTokenTable): Promise<void> {
  await db.insertInto('api_token').values(row).execute();
}

export const listTokens = (db: Db, accountId: string) =>
  db
    .selectFrom('api_token')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();

export const findLiveToken = (db: Db, accountId: string, id: string) =>
  db
    .selectFrom('api_token')
    .select(['id', 'name', 'account_id'])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export async function revokeToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).execute();
}
