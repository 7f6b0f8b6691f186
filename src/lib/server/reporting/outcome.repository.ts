/**
 * SQL behind the sanction decisions a report lists (the counts come from the pre-aggregates:
 * migration 135). Nothing here names a reporter.
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';

/**
 * Reports of the subtree resolved in [from, to) (UTC instants), with their outcome and commune,
 * oldest first. Bounded by the reports resolved in one period of one subtree.
 */
export async function resolvedOutcomes(db: Db, orgs: OrgScope, from: string, to: string) {
  return db
    .selectFrom('report as r')
    .innerJoin('organisation as o', 'o.id', 'r.commune_org_id')
    .where('r.commune_org_id', 'in', orgs)
    .where('r.commune_unit_id', 'is not', null)
    .where('r.resolved_at', '>=', from)
    .where('r.resolved_at', '<', to)
    .select(['r.id', 'r.outcome_json', 'o.name as commune'])
    .orderBy('r.resolved_at')
    .execute();
}
