/** SQL for custodian grant requests and for finding the custodians to tell about them. */
import type { Db } from '$lib/server/db';
import type { CustodianRequestTable } from '$lib/server/db/schema';
import type { OrgScope } from '$lib/server/auth/account.repository';

export async function insertRequest(db: Db, row: CustodianRequestTable): Promise<void> {
  await db.insertInto('custodian_request').values(row).execute();
}

export const findPending = (db: Db, accountId: string, organisationId: string, role: CustodianRequestTable['role']) =>
  db
    .selectFrom('custodian_request')
    .select('id')
    .where('account_id', '=', accountId)
    .where('role', '=', role)
    .where('organisation_id', '=', organisationId)
    .where('decision', 'is', null)
    .executeTakeFirst();

export const findRequest = (db: Db, id: string) =>
  db.selectFrom('custodian_request').selectAll().where('id', '=', id).executeTakeFirst();

/** Pending requests on organisations inside `scope`, oldest first, with the names to show. */
export async function listPendingIn(db: Db, scope: OrgScope, accountId?: string) {
  let q = db
    .selectFrom('custodian_request as r')
    .innerJoin('account as a', 'a.id', 'r.account_id')
    .innerJoin('account as by', 'by.id', 'r.requested_by')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.account_id',
      'r.requested_by',
      'r.requested_at',
      'r.role',
      'a.username',
      'a.display_name',
      'by.display_name as requested_by_name',
      'o.name as organisation_name'
    ])
    .where('r.decision', 'is', null)
    .where('r.organisation_id', 'in', scope);
  if (accountId) q = q.where('r.account_id', '=', accountId);
  return q.orderBy('r.requested_at').execute();
}

/** Records the decision only while the request is still pending; false when someone decided first. */
export async function decide(
  db: Db,
  id: string,
  patch: { decision: 'approved' | 'refused'; decided_by: string; decided_at: string; grant_id: string | null }
): Promise<boolean> {
  const res = await db
    .updateTable('custodian_request')
    .set(patch)
    .where('id', '=', id)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Accounts that hold the custodian role today (they are told about every change to it). */
export async function namesOf(db: Db, accountId: string) {
  return db.selectFrom('account').select(['display_name', 'username']).where('id', '=', accountId).executeTakeFirst();
}

export async function liveCustodians(db: Db) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['a.id', 'g.organisation_id'])
    .where('g.role', '=', 'identity_custodian')
    .where('g.revoked_at', 'is', null)
    .where('a.disabled', '=', 0)
    .execute();
}

/** The notifier's outbox (delivered by the notifier's run like every other alert). */
export async function queueNotification(
  db: Db,
  row: {
    id: string;
    dedupe_key: string;
    organisation_id: string;
    account_id: string;
    day: string;
    body: unknown;
    at: string;
  }
): Promise<void> {
  await db
    .insertInto('notification')
    .values({
      id: row.id,
      dedupe_key: row.dedupe_key,
      kind: 'custodian',
      organisation_id: row.organisation_id,
      account_id: row.account_id,
      report_id: null,
      day: row.day,
      body_json: JSON.stringify(row.body),
      status: 'pending',
      created_at: row.at,
      sent_at: null
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** What `by` did to the sign-in of `accountId` (created it, reset its password, changed its phone). */
export const credentialChangesBy = (db: Db, by: string, accountId: string) =>
  db
    .selectFrom('audit_event')
    .select(['action', 'before_json', 'after_json'])
    .where('actor_account_id', '=', by)
    .where('entity_type', '=', 'account')
    .where('entity_id', '=', accountId)
    .where('action', 'in', ['create', 'password_reset', 'update'])
    .execute();

/** Live grants of the roles that can reach identities, held by the account. */
export const sensitiveGrantsOf = (db: Db, accountId: string, roles: readonly string[]) =>
  db
    .selectFrom('role_grant')
    .select(['role', 'granted_by', 'created_at'])
    .where('account_id', '=', accountId)
    .where('role', 'in', [...roles])
    .where('revoked_at', 'is', null)
    .execute();

/** The in-app copy of a notice that is not about a report; once per dedupe key. */
export async function insertAccountNotice(
  db: Db,
  row: { id: string; dedupe_key: string; account_id: string; body: unknown; at: string }
): Promise<void> {
  await db
    .insertInto('account_notice')
    .values({
      id: row.id,
      dedupe_key: row.dedupe_key,
      account_id: row.account_id,
      kind: 'custodian',
      body_json: JSON.stringify(row.body),
      created_at: row.at,
      read_at: null
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export const approvedRequests = (db: Db) =>
  db
    .selectFrom('custodian_request')
    .select(['requested_by', 'account_id'])
    .where('decision', '=', 'approved')
    .execute();
