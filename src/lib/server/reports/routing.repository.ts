/** SQL for `routing_rule` (category × area → competent agency). */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { RoutingRuleTable } from '$lib/server/db/schema';

export async function insertRoutingRules(db: Db, rows: Insertable<RoutingRuleTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('routing_rule').values(rows).execute();
}

/** Rules that could apply to this category in any of these units (or anywhere). */
export async function listRoutingCandidates(db: Db, categoryId: string, unitIds: string[]) {
  return db
    .selectFrom('routing_rule')
    .select(['id', 'category_id', 'admin_unit_id', 'agency_org_id'])
    .where((eb) => eb.or([eb('category_id', '=', categoryId), eb('category_id', 'is', null)]))
    .where((eb) =>
      eb.or([eb('admin_unit_id', 'is', null), ...(unitIds.length ? [eb('admin_unit_id', 'in', unitIds)] : [])])
    )
    .execute();
}

export async function countRoutingRules(db: Db): Promise<number> {
  const row = await db
    .selectFrom('routing_rule')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
