/** SQL for an account's in-app notices (`inbox_item`) and for finding who should get them. */
import { sql, type Insertable } from 'kysely';
import { newIdSql } from '$lib/server/db/dialect';
import type { Db } from '$lib/server/db';
import type { InboxItemTable, NotificationTable } from '$lib/server/db/schema';

/** Inserts unless the dedupe key exists; true when inserted. */
export async function insertInboxOnce(db: Db, row: Insertable<InboxItemTable>): Promise<boolean> {
  const res = await db
    .insertInto('inbox_item')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Inserts the notices not yet given (by dedupe key), in one statement; returns who got one now. */
export async function insertInboxManyOnce(db: Db, rows: Insertable<InboxItemTable>[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const added = await db
    .insertInto('inbox_item')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('account_id')
    .execute();
  return new Set(added.map((r) => r.account_id));
}

export async function insertOutboxOnce(db: Db, row: Insertable<NotificationTable>): Promise<void> {
  await db
    .insertInto('notification')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * A notice for every live account holding one of `roles` exactly at the organisation, in one
 * statement: the officers are read by the insert itself (dedupe key `prefix` + account id, the
 * notices already given skipped). Returns who got one now, with their e-mail.
 */
export async function insertInboxForStaff(
  db: Db,
  n: {
    orgId: string;
    roles: readonly string[];
    dedupePrefix: string;
    kind: InboxItemTable['kind'];
    reportId: string;
    createdAt: string;
  }
): Promise<{ id: string; email: string | null }[]> {
  const staff = db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select('a.id')
    .distinct()
    .where('g.organisation_id', '=', n.orgId)
    .where('g.role', 'in', [...n.roles])
    .where('g.revoked_at', 'is', null)
    .where('a.disabled', '=', 0)
    .as('s');
  const rows = await db
    .insertInto('inbox_item')
    .columns(['id', 'dedupe_key', 'account_id', 'kind', 'report_id', 'created_at'])
    .expression(
      db
        .selectFrom(staff)
        .select((eb) => [
          newIdSql(db).as('id'),
          sql<string>`${n.dedupePrefix} || ${eb.ref('s.id')}`.as('dedupe_key'),
          's.id as account_id',
          sql<string>`${n.kind}`.as('kind'),
          sql<string>`${n.reportId}`.as('report_id'),
          sql<string>`${n.createdAt}`.as('created_at')
        ])
        // SQLite reads ON CONFLICT after a SELECT without WHERE as part of a join
        .where(sql<boolean>`true`)
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning((eb) => [
      'inbox_item.account_id as id',
      eb.selectFrom('account').select('account.email').whereRef('account.id', '=', 'inbox_item.account_id').as('email')
    ])
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email ?? null }));
}

/** Live accounts holding one of `roles` exactly at the organisation, with their e-mail. */
export async function staffAt(db: Db, orgId: string, roles: readonly string[]) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['a.id', 'a.email'])
    .distinct()
    .where('g.organisation_id', '=', orgId)
    .where('g.role', 'in', [...roles])
    .where('g.revoked_at', 'is', null)
    .where('a.disabled', '=', 0)
    .execute();
}

/** Removes these accounts' notices of one report; returns how many went. */
export async function deleteReportNotices(db: Db, reportId: string, accountIds: string[]): Promise<number> {
  if (!accountIds.length) return 0;
  const res = await db
    .deleteFrom('inbox_item')
    .where('report_id', '=', reportId)
    .where('account_id', 'in', accountIds)
    .executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}

export async function parentOf(db: Db, orgId: string): Promise<string | null> {
  const row = await db.selectFrom('organisation').select('parent_id').where('id', '=', orgId).executeTakeFirst();
  return row?.parent_id ?? null;
}

export async function reportForNotice(db: Db, id: string) {
  return db
    .selectFrom('report')
    .select([
      'id',
      'status',
      'category_id',
      'commune_org_id',
      'agency_org_id',
      'reporter_account_id',
      'deadline_on',
      'deadline_kind'
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function hasIdentity(db: Db, reportId: string): Promise<boolean> {
  const row = await db
    .selectFrom('report_identity')
    .select('report_id')
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return !!row;
}

/** Open reports whose deadline falls between the two days (inclusive). */
export async function reportsDueBetween(db: Db, from: string, to: string, statuses: readonly string[]) {
  return db
    .selectFrom('report')
    .select('id')
    .where('deadline_on', '>=', from)
    .where('deadline_on', '<=', to)
    .where('status', 'in', [...statuses])
    .execute();
}

export async function listInbox(db: Db, accountId: string, onlyUnread: boolean, limit: number) {
  let q = db
    .selectFrom('inbox_item as i')
    .innerJoin('report as r', 'r.id', 'i.report_id')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .select(['i.id', 'i.kind', 'i.report_id', 'i.created_at', 'i.read_at', 'r.status', 'c.name_vi', 'c.name_en'])
    .where('i.account_id', '=', accountId);
  if (onlyUnread) q = q.where('i.read_at', 'is', null);
  return q.orderBy('i.created_at', 'desc').orderBy('i.id').limit(limit).execute();
}

/** The two tables of one's notices: about a report, and about one's account. */
export type NoticeTable = 'inbox_item' | 'account_notice';

export async function countUnread(db: Db, table: NoticeTable, accountId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the account's own notices in `table` read; `ids` null marks all. */
export async function markRead(
  db: Db,
  table: NoticeTable,
  accountId: string,
  ids: string[] | null,
  at: string
): Promise<number> {
  let q = db.updateTable(table).set({ read_at: at }).where('account_id', '=', accountId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['-']);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Reading a report clears the reader's notices about it. */
export async function markReportRead(db: Db, accountId: string, reportId: string, at: string): Promise<void> {
  await db
    .updateTable('inbox_item')
    .set({ read_at: at })
    .where('account_id', '=', accountId)
    .where('report_id', '=', reportId)
    .where('read_at', 'is', null)
    .execute();
}

/** The account's notices that are not about a report, newest first. */
export async function listAccountNotices(db: Db, accountId: string, onlyUnread: boolean, limit: number) {
  let q = db
    .selectFrom('account_notice')
    .select(['id', 'kind', 'body_json', 'created_at', 'read_at'])
    .where('account_id', '=', accountId);
  if (onlyUnread) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}
