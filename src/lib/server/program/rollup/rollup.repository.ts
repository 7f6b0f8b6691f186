/** Reads the roll-up engine needs besides the aggregates: names, children, plans. */
import { validOn } from '$lib/server/db/predicates';
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';

export async function findIndicatorByCode(db: Db, code: string) {
  return db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findIndicatorsByCodes(db: Db, codes: string[]) {
  if (!codes.length) return [];
  return db.selectFrom('indicator').selectAll().where('code', 'in', codes).execute();
}

export async function findUnitBasics(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('admin_unit')
    .select(['id', 'name', 'full_name', 'sort_key', 'level', 'code', 'centre_lat', 'centre_lon'])
    .where('id', 'in', ids)
    .execute();
}

/** Units whose parent is `unitId` and that are valid on `date`. */
export async function findChildUnitsAt(db: Db, unitId: string, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'name', 'full_name', 'sort_key', 'level', 'code', 'centre_lat', 'centre_lon'])
    .where('parent_id', '=', unitId)
    .where(validOn('admin_unit', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

export async function findChildOrgs(db: Db, orgId: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'sort_key', 'valid_to', 'successor_id', 'admin_unit_id'])
    .where('parent_id', '=', orgId)
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/**
 * For each of `ids` inside `rootId`'s subtree (below the root), the direct child of the root it
 * lies under. Asked only for the organisations that have rows, so a national roll-up does not
 * load the whole tree.
 */
export async function childOfMany(db: Db, rootId: string, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const uniq = [...new Set(ids)];
  for (let i = 0; i < uniq.length; i += 500) {
    const rows = await db
      .selectFrom('organisation_closure as c')
      .innerJoin('organisation_closure as r', 'r.descendant_id', 'c.ancestor_id')
      .select(['c.descendant_id as descendant', 'c.ancestor_id as child'])
      .where('r.ancestor_id', '=', rootId)
      .where('r.depth', '=', 1)
      .where('c.descendant_id', 'in', uniq.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.descendant, r.child);
  }
  return out;
}

export async function findPlan(db: Db, planId: string) {
  return db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirst();
}

export async function findPlanTargets(db: Db, planId: string) {
  return db
    .selectFrom('plan_target')
    .innerJoin('indicator', 'indicator.id', 'plan_target.indicator_id')
    .select([
      'indicator.id',
      'indicator.code',
      'indicator.name_vi',
      'indicator.name_en',
      'indicator.unit',
      'plan_target.target_value'
    ])
    .where('plan_target.plan_id', '=', planId)
    .orderBy('indicator.sort_order')
    .execute();
}

/** Sum of the targets of the plans of `orgId`'s direct children for the same program and year. */
export async function childTargetSums(
  db: Db,
  orgId: string,
  year: number,
  programId: string | null
): Promise<Map<string, number>> {
  let q = db
    .selectFrom('plan')
    .innerJoin('organisation', 'organisation.id', 'plan.organisation_id')
    .innerJoin('plan_target', 'plan_target.plan_id', 'plan.id')
    .select(['plan_target.indicator_id', sql<number>`sum(plan_target.target_value)`.as('total')])
    .where('organisation.parent_id', '=', orgId)
    .where('plan.year', '=', year)
    .groupBy('plan_target.indicator_id');
  q = programId ? q.where('plan.program_id', '=', programId) : q.where('plan.program_id', 'is', null);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.indicator_id, Number(r.total)]));
}

/**
 * Organisations closed on or before `date` that name a successor, with the closure rows below
 * each (itself included, at depth 0), nearest ancestor first.
 */
export async function closedSubtrees(db: Db, date: string) {
  return db
    .selectFrom('organisation_closure as c')
    .innerJoin('organisation as o', 'o.id', 'c.ancestor_id')
    .select(['c.ancestor_id', 'c.descendant_id', 'c.depth', 'o.successor_id'])
    .where('o.successor_id', 'is not', null)
    .where('o.valid_to', '<=', date)
    .orderBy('c.depth')
    .execute() as Promise<{ ancestor_id: string; descendant_id: string; depth: number; successor_id: string }[]>;
}
