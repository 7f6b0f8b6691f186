/**
 * SQL behind the report figures on citizen reports: received, forwarded, resolved, verified,
 * and what the agencies did with the reports they resolved (the outcome recorded on closing,
 * and the deadline it was closed against). Counts per commune organisation, so a report can
 * show one row per member unit; nothing here names a reporter.
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';

const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

export interface OrgCount {
  org: string;
  n: number;
}

// commune_org_id is never null here: the rows are filtered on it
const counted = (rows: { org: string | null; n: unknown }[]): OrgCount[] =>
  rows.map((r) => ({ org: r.org ?? '', n: Number(r.n) }));

/** Reports of the subtree received, forwarded to an agency (of those) and resolved in the period. */
export async function citizenReportCounts(db: Db, orgs: OrgScope, start: string, end: string) {
  const base = () =>
    db
      .selectFrom('report')
      .where('commune_org_id', 'in', orgs)
      .select((eb) => ['commune_org_id as org', eb.fn.countAll().as('n')])
      .groupBy('commune_org_id');
  const received = () => base().where('created_at', '>=', start).where('created_at', '<=', endOfDay(end));
  const [r, f, s] = await Promise.all([
    received().execute(),
    received().where('agency_org_id', 'is not', null).execute(),
    base().where('resolved_at', '>=', start).where('resolved_at', '<=', endOfDay(end)).execute()
  ]);
  return { received: counted(r), forwarded: counted(f), resolved: counted(s) };
}

/**
 * Reports of the subtree the association checked in the period: verified, escalated, or
 * forwarded straight away (an urgent report skips the visit).
 */
export async function verifiedCounts(db: Db, orgs: OrgScope, start: string, end: string): Promise<OrgCount[]> {
  const rows = await db
    .selectFrom('report_event as e')
    .innerJoin('report as r', 'r.id', 'e.report_id')
    .where('r.commune_org_id', 'in', orgs)
    .where('e.to_status', 'in', ['verified', 'escalated', 'forwarded'])
    .where('e.created_at', '>=', start)
    .where('e.created_at', '<=', endOfDay(end))
    .select((eb) => ['r.commune_org_id as org', eb.fn.count<number>('e.report_id').distinct().as('n')])
    .groupBy('r.commune_org_id')
    .execute();
  return counted(rows);
}

/**
 * Reports of the subtree resolved in the period, with their outcome and the deadline they
 * were resolved against (the audit of the resolve step keeps it; the report row clears it).
 * One row per resolve step: a reopened report resolved twice appears twice, the caller keeps
 * the latest. Bounded by the reports resolved in one period of one subtree.
 */
export async function resolvedOutcomes(db: Db, orgs: OrgScope, start: string, end: string) {
  return db
    .selectFrom('report as r')
    .innerJoin('organisation as o', 'o.id', 'r.commune_org_id')
    .leftJoin('audit_event as a', (j) =>
      j.onRef('a.entity_id', '=', 'r.id').on('a.entity_type', '=', 'report').on('a.action', '=', 'report.resolve')
    )
    .where('r.commune_org_id', 'in', orgs)
    .where('r.resolved_at', '>=', start)
    .where('r.resolved_at', '<=', endOfDay(end))
    .select([
      'r.id',
      'r.commune_org_id as org',
      'r.resolved_at',
      'r.outcome_json',
      'o.name as commune',
      'a.at',
      'a.before_json'
    ])
    .orderBy('r.resolved_at')
    .orderBy('a.at')
    .execute();
}
