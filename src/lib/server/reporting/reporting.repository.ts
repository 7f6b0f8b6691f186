/** SQL of reports upward: settings, report versions, their history, and the counts they quote. */
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import type { PeriodicReportEventTable, PeriodicReportTable } from '$lib/server/db/schema';
import { collate } from '$lib/server/db/dialect';
import { validOn } from '$lib/server/db/predicates';

export type ReportRow = PeriodicReportTable;

export async function findCutoff(db: Db, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('reporting_setting')
    .select('cutoff')
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  return row?.cutoff ?? null;
}

/** The organisations that chose a cut-off other than the default, among `orgIds`. */
export async function listCutoffs(db: Db, orgIds: string[]) {
  if (!orgIds.length) return [];
  return db
    .selectFrom('reporting_setting')
    .select(['organisation_id', 'cutoff'])
    .where('organisation_id', 'in', orgIds)
    .execute();
}

export async function upsertCutoff(db: Db, orgId: string, cutoff: string, at: string): Promise<void> {
  await db
    .insertInto('reporting_setting')
    .values({ organisation_id: orgId, cutoff, updated_at: at })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ cutoff, updated_at: at }))
    .execute();
}

export async function findOrg(db: Db, orgId: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'parent_id', 'kind'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}

/** The first top-level association: whose report an operator's template check renders. */
export async function firstTopAssociation(db: Db) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('parent_id', 'is', null)
    .where('kind', '=', 'association')
    .orderBy('created_at')
    .executeTakeFirst();
}

/** `orgId` and everything below it, cut to `readable` when the reader's scope is limited. */
export function subtreeOf(db: Db, orgId: string, readable?: OrgScope): OrgScope {
  const subtree = db.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', orgId);
  return readable ? subtree.where('descendant_id', 'in', readable) : subtree;
}

/** Child organisations in force on `date`, in Vietnamese order. */
export async function childOrgsOn(db: Db, orgId: string, date: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('parent_id', '=', orgId)
    .where(validOn('organisation', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

export async function insertReport(db: Db, row: Insertable<PeriodicReportTable>): Promise<void> {
  await db.insertInto('periodic_report').values(row).execute();
}

/** A report readable in `scope` (undefined otherwise, so it answers 404). */
export async function findReport(db: Db, id: string, scope: OrgScope): Promise<ReportRow | undefined> {
  return db
    .selectFrom('periodic_report')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

/**
 * Moves a report from `from` to the new values only if nobody moved it first: the status in
 * the WHERE clause makes two concurrent steps on one report end with exactly one winner.
 */
export async function updateIfStatus(
  db: Db,
  id: string,
  from: string[],
  values: Updateable<PeriodicReportTable>
): Promise<boolean> {
  const r = await db
    .updateTable('periodic_report')
    .set(values)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, row: Insertable<PeriodicReportEventTable>): Promise<void> {
  await db.insertInto('periodic_report_event').values(row).execute();
}

export async function eventsOf(db: Db, reportId: string) {
  return db
    .selectFrom('periodic_report_event')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export interface ReportFilter {
  orgIds?: string[];
  start?: string;
  end?: string;
  reportKind?: string;
}

/** Current versions (not superseded) in scope, newest period first. */
export async function listReports(db: Db, scope: OrgScope, f: ReportFilter = {}) {
  let q = db
    .selectFrom('periodic_report as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select('o.name as organisation_name')
    .where('r.organisation_id', 'in', scope)
    .where('r.status', '<>', 'superseded');
  if (f.orgIds) q = q.where('r.organisation_id', 'in', f.orgIds.length ? f.orgIds : ['-']);
  if (f.start) q = q.where('r.start_on', '=', f.start);
  if (f.end) q = q.where('r.end_on', '=', f.end);
  if (f.reportKind) q = q.where('r.report_kind', '=', f.reportKind);
  return q.orderBy('r.end_on', 'desc').orderBy(collate(db, 'o.sort_key')).limit(200).execute();
}

export async function maxVersion(db: Db, orgId: string, kind: string, start: string, end: string): Promise<number> {
  const row = await db
    .selectFrom('periodic_report')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('organisation_id', '=', orgId)
    .where('report_kind', '=', kind)
    .where('start_on', '=', start)
    .where('end_on', '=', end)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/**
 * Computed indicators in their display order: the active ones, and the `details` (inactive:
 * "trong đó" figures not offered on their own, migration 062) the report also quotes.
 */
export async function computedIndicators(db: Db, details: string[]) {
  return db
    .selectFrom('indicator')
    .selectAll()
    .where('source', '=', 'computed')
    .where((eb) => eb.or([eb('active', '=', 1), eb('code', 'in', details)]))
    .orderBy('sort_order')
    .execute();
}

/** Yearly targets of the organisation's plan(s) for `year`, summed per indicator code. */
export async function yearTargets(db: Db, orgId: string, year: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('plan_target as t')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .select(['i.code', 't.target_value'])
    .where('p.organisation_id', '=', orgId)
    .where('p.year', '=', year)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.code, (out.get(r.code) ?? 0) + Number(r.target_value));
  return out;
}

/** Organisations in `scope` in force on `date`, for the "open a report" form. */
export async function orgsIn(db: Db, scope: OrgScope, date: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', scope)
    .where('kind', '=', 'association')
    .where(validOn('organisation', date))
    .orderBy(collate(db, 'sort_key'))
    .limit(300)
    .execute();
}

/**
 * The emulation pre-aggregate's cells of the subtree over [from, to] months, per organisation:
 * what the member-unit rows of section II.7 split (the emulation module sums the totals).
 */
export async function emulationCells(db: Db, orgs: OrgScope, from: string, to: string) {
  const rows = await db
    .selectFrom('agg_emu_month')
    .select(['organisation_id as org', 'indicator_code as code', 'subject_kind as kind'])
    .select((eb) => eb.fn.sum<number>('value').as('n'))
    .where('organisation_id', 'in', orgs)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .groupBy(['organisation_id', 'indicator_code', 'subject_kind'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
