/**
 * SQL behind the report figures that the pre-aggregates do not hold: outreach participants
 * by group (elderly, women, ethnic minority), reports verified, and what the agencies did with
 * the reports they resolved (the outcome recorded on closing, and the deadline it was closed
 * against). Counts and sums only; nothing here names a reporter.
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';

const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

/** Outreach sessions of the subtree started in [from, to]: participants by group. */
export async function outreachGroups(db: Db, orgs: OrgScope, from: string, to: string) {
  const row = await db
    .selectFrom('activity')
    .where('organisation_id', 'in', orgs)
    .where('kind', '=', 'outreach')
    .where('started_on', '>=', from)
    .where('started_on', '<=', to)
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('count_elderly'), eb.lit(0)).as('elderly'),
      eb.fn.coalesce(eb.fn.sum<number>('count_women'), eb.lit(0)).as('women'),
      eb.fn.coalesce(eb.fn.sum<number>('count_ethnic_minority'), eb.lit(0)).as('ethnic')
    ])
    .executeTakeFirst();
  return { elderly: Number(row?.elderly ?? 0), women: Number(row?.women ?? 0), ethnic: Number(row?.ethnic ?? 0) };
}

/**
 * Reports of the subtree the association checked in the period: verified, escalated, or
 * forwarded straight away (an urgent report skips the visit).
 */
export async function verifiedCount(db: Db, orgs: OrgScope, start: string, end: string): Promise<number> {
  const row = await db
    .selectFrom('report_event as e')
    .innerJoin('report as r', 'r.id', 'e.report_id')
    .where('r.commune_org_id', 'in', orgs)
    .where('e.to_status', 'in', ['verified', 'escalated', 'forwarded'])
    .where('e.created_at', '>=', start)
    .where('e.created_at', '<=', endOfDay(end))
    .select((eb) => eb.fn.count<number>('e.report_id').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
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
    .select(['r.id', 'r.resolved_at', 'r.outcome_json', 'o.name as commune', 'a.at', 'a.before_json'])
    .orderBy('r.resolved_at')
    .orderBy('a.at')
    .execute();
}
