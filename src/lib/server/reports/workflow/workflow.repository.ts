/** SQL for the report workflow: reports, events, extensions, lookups for the officer pages. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { AttachmentTable, ExtensionRequestTable, ReportEventTable, ReportTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate, forUpdate } from '$lib/server/db/dialect';
import { compareVi } from '$lib/shared/text';
import { filtered, type QueueSearch } from './queue.repository';

export type Scope = ReturnType<typeof scopeSubquery>;
export type ReportRow = Awaited<ReturnType<typeof findReport>> & {};

export async function findReport(db: Db, id: string) {
  return db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The report, locked for the rest of the transaction (see transition.ts). */
export async function lockReport(db: Db, id: string) {
  return forUpdate(db, db.selectFrom('report').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** Compare-and-set: writes only while the report still has `status`; false when it moved on. */
export async function setReportIf(
  db: Db,
  id: string,
  status: string,
  patch: Updateable<ReportTable>
): Promise<boolean> {
  const res = await db
    .updateTable('report')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, row: Insertable<ReportEventTable>): Promise<void> {
  await db.insertInto('report_event').values(row).execute();
}

export async function orgParent(db: Db, orgId: string | null): Promise<string | null> {
  if (!orgId) return null;
  const row = await db.selectFrom('organisation').select('parent_id').where('id', '=', orgId).executeTakeFirst();
  return row?.parent_id ?? null;
}

export async function orgNames(db: Db, ids: (string | null)[]): Promise<Record<string, string>> {
  const list = [...new Set(ids.filter((v): v is string => !!v))];
  if (!list.length) return {};
  const rows = await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', list).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Reports whose id starts with the short reference people read out (first 8 hex digits). */
export async function reportsByPrefix(db: Db, prefix: string) {
  return db.selectFrom('report').selectAll().where('id', 'like', `${prefix.toLowerCase()}%`).limit(5).execute();
}

/** Names of administrative units (commune, village) by id. */
export async function unitNames(db: Db, ids: (string | null)[]): Promise<Record<string, string>> {
  const list = [...new Set(ids.filter((v): v is string => !!v))];
  if (!list.length) return {};
  const rows = await db.selectFrom('admin_unit').select(['id', 'name']).where('id', 'in', list).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Events of these reports; the reporter's view passes `onlyVisible`. No account names: see view. */
export async function listEvents(db: Db, reportIds: string[], onlyVisible = false) {
  if (!reportIds.length) return [];
  let q = db
    .selectFrom('report_event as e')
    .leftJoin('organisation as o', 'o.id', 'e.actor_org_id')
    .select([
      'e.id',
      'e.report_id',
      'e.kind',
      'e.from_status',
      'e.to_status',
      'e.visible_to_reporter',
      'e.body',
      'e.data',
      'e.created_at',
      'o.name as org_name'
    ])
    .where('e.report_id', 'in', reportIds);
  if (onlyVisible) q = q.where('e.visible_to_reporter', '=', 1);
  return q.orderBy('e.created_at').orderBy('e.id').execute();
}

export async function categoryOf(db: Db, id: string) {
  return db
    .selectFrom('category')
    .select(['id', 'code', 'name_vi', 'name_en', 'urgent'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The unit and its ancestors, most local first (for routing rules). */
export async function unitChain(db: Db, unitId: string | null): Promise<string[]> {
  const out: string[] = [];
  let id = unitId;
  while (id && out.length < 6) {
    out.push(id);
    const row = await db.selectFrom('admin_unit').select('parent_id').where('id', '=', id).executeTakeFirst();
    id = row?.parent_id ?? null;
  }
  return out;
}

export async function listAgencies(db: Db) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('kind', '=', 'agency')
    .where('valid_to', 'is', null)
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/**
 * Active accounts holding `role` on the organisation or one of its ancestors, by name in
 * Vietnamese order (accounts keep no sort key; the list is one office's officers).
 */
export async function officersCovering(db: Db, orgId: string, roles: string[]) {
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('organisation_closure as c', 'c.ancestor_id', 'g.organisation_id')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['a.id', 'a.display_name', 'a.username'])
    .distinct()
    .where('c.descendant_id', '=', orgId)
    .where('g.role', 'in', roles)
    .where('g.revoked_at', 'is', null)
    .where('a.disabled', '=', 0)
    .execute();
  return rows.sort((a, b) => compareVi(a.display_name, b.display_name));
}

/** Accounts granted one of `roles` exactly at `orgId` (the on-duty officers of that office). */
export async function officersAt(db: Db, orgId: string, roles: string[]) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['a.id'])
    .distinct()
    .where('g.organisation_id', '=', orgId)
    .where('g.role', 'in', roles)
    .where('g.revoked_at', 'is', null)
    .where('a.disabled', '=', 0)
    .execute();
}

export async function duplicateCandidates(
  db: Db,
  r: { id: string; category_id: string },
  from: string,
  to: string,
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
  scope: Scope
) {
  return db
    .selectFrom('report')
    .select(['id', 'category_id', 'observed_on', 'lat', 'lon', 'status', 'created_at'])
    .where('category_id', '=', r.category_id)
    .where('id', '!=', r.id)
    .where('status', 'not in', ['duplicate', 'rejected'])
    .where('observed_on', '>=', from)
    .where('observed_on', '<=', to)
    .where('lat', '>=', box.minLat)
    .where('lat', '<=', box.maxLat)
    .where('lon', '>=', box.minLon)
    .where('lon', '<=', box.maxLon)
    .where('commune_org_id', 'in', scope)
    .limit(50)
    .execute();
}

export async function insertExtension(db: Db, row: Insertable<ExtensionRequestTable>): Promise<void> {
  await db.insertInto('extension_request').values(row).execute();
}

export async function pendingExtension(db: Db, reportId: string) {
  return db
    .selectFrom('extension_request')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function decideExtensionRow(db: Db, id: string, patch: Updateable<ExtensionRequestTable>): Promise<void> {
  await db.updateTable('extension_request').set(patch).where('id', '=', id).execute();
}

export async function listExtensions(db: Db, reportId: string) {
  return db
    .selectFrom('extension_request')
    .select(['id', 'reason', 'days', 'status', 'decision_note', 'created_at', 'decided_at'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute();
}

export async function listAttachments(db: Db, reportId: string) {
  return db
    .selectFrom('attachment')
    .select(['id', 'kind', 'mime', 'bytes', 'created_at', 'private_path'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute();
}

export async function findAttachment(db: Db, reportId: string, id: string) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAttachment(db: Db, row: Insertable<AttachmentTable>): Promise<void> {
  await db.insertInto('attachment').values(row).execute();
}

export async function findIdentity(db: Db, reportId: string) {
  return db
    .selectFrom('report_identity')
    .select(['ciphertext', 'iv', 'tag', 'key_version'])
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}

export interface QueueFilter {
  side: 'association' | 'agency';
  statuses: readonly string[];
  overdueBefore?: string; // deadline_on < this
  pendingExtension?: boolean;
  search?: QueueSearch;
  limit: number;
  offset?: number;
}

/** Urgent first, then the nearest deadline (reports without one last), then the oldest. */
export async function queueRows(db: Db, scope: Scope, f: QueueFilter) {
  const q = db
    .selectFrom('report as r')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .leftJoin('organisation as o', 'o.id', 'r.commune_org_id')
    .select([
      'r.id',
      'r.status',
      'r.urgent',
      'r.channel',
      'r.deadline_kind',
      'r.deadline_on',
      'r.created_at',
      'r.observed_on',
      'r.commune_unit_id',
      'c.name_vi',
      'c.name_en',
      'o.name as commune_name'
    ]);
  return filtered(q, scope, f)
    .orderBy('r.urgent', 'desc')
    .orderBy(sql`case when r.deadline_on is null then 1 else 0 end`)
    .orderBy('r.deadline_on')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .execute();
}

/** Open reports whose deadline is today or already past, with the office responsible for them. */
export async function dueReports(db: Db, today: string, statuses: readonly string[]) {
  return db
    .selectFrom('report')
    .select(['id', 'status', 'commune_org_id', 'agency_org_id', 'deadline_on', 'deadline_kind', 'category_id'])
    .where('deadline_on', '<=', today)
    .where('status', 'in', [...statuses])
    .execute();
}

/** Resolved reports resolved before `instant` (candidates for closing). */
export async function resolvedBefore(db: Db, instant: string) {
  return db
    .selectFrom('report')
    .selectAll()
    .where('status', '=', 'resolved')
    .where('resolved_at', 'is not', null)
    .where('resolved_at', '<', instant)
    .execute();
}

export async function accountName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom('account').select('display_name').where('id', '=', id).executeTakeFirst();
  return row?.display_name ?? null;
}
