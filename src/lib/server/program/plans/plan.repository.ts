/** SQL for yearly plans and their targets. */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import type { PlanTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';

type Scope = ReturnType<typeof scopeSubquery>;

export async function insertPlan(db: Db, row: PlanTable): Promise<void> {
  await db.insertInto('plan').values(row).execute();
}

export async function touchPlan(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('plan').set({ updated_at: at }).where('id', '=', id).execute();
}

export async function setTargets(
  db: Db,
  planId: string,
  targets: { indicator_id: string; target_value: number }[]
): Promise<void> {
  await db.deleteFrom('plan_target').where('plan_id', '=', planId).execute();
  if (targets.length)
    await db
      .insertInto('plan_target')
      .values(targets.map((t) => ({ plan_id: planId, ...t })))
      .execute();
}

export async function findPlanInScope(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('plan')
    .innerJoin('organisation', 'organisation.id', 'plan.organisation_id')
    .leftJoin('program', 'program.id', 'plan.program_id')
    .selectAll('plan')
    .select(['organisation.name as organisation_name', 'organisation.parent_id', 'program.title as program_title'])
    .where('plan.id', '=', id)
    .where('plan.organisation_id', 'in', scope)
    .executeTakeFirst();
}

/** Is there already a plan for this organisation, program and year? */
export async function findPlanFor(db: Db, orgId: string, programId: string | null, year: number) {
  let q = db.selectFrom('plan').select('id').where('organisation_id', '=', orgId).where('year', '=', year);
  q = programId ? q.where('program_id', '=', programId) : q.where('program_id', 'is', null);
  return q.executeTakeFirst();
}

export interface PlanFilter {
  programId?: string;
  year?: number;
  /** only the plans of the direct children of this organisation */
  parentId?: string;
}

export async function listPlanRows(db: Db, scope: Scope, f: PlanFilter) {
  let q = db
    .selectFrom('plan')
    .innerJoin('organisation', 'organisation.id', 'plan.organisation_id')
    .select([
      'plan.id',
      'plan.year',
      'plan.program_id',
      'plan.organisation_id',
      'organisation.name as organisation_name',
      'organisation.parent_id'
    ])
    .where('plan.organisation_id', 'in', scope);
  if (f.programId) q = q.where('plan.program_id', '=', f.programId);
  if (f.year) q = q.where('plan.year', '=', f.year);
  if (f.parentId) q = q.where('organisation.parent_id', '=', f.parentId);
  return q.orderBy('plan.year', 'desc').orderBy(collate(db, 'organisation.sort_key')).execute();
}

/** Targets of several plans at once (the children table). */
export async function targetsOfPlans(db: Db, planIds: string[]) {
  if (!planIds.length) return [];
  return db
    .selectFrom('plan_target')
    .select(['plan_id', 'indicator_id', 'target_value'])
    .where('plan_id', 'in', planIds)
    .execute();
}

export async function activeIndicators(db: Db) {
  return db
    .selectFrom('indicator')
    .select(['id', 'code', 'name_vi', 'name_en', 'unit', 'source', 'aggregation'])
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Per indicator, the sum of the targets of the children's plans (same program and year). */
export async function childSums(db: Db, orgId: string, year: number, programId: string | null) {
  let q = db
    .selectFrom('plan')
    .innerJoin('organisation', 'organisation.id', 'plan.organisation_id')
    .innerJoin('plan_target', 'plan_target.plan_id', 'plan.id')
    .select([
      'plan_target.indicator_id',
      sql<number>`sum(plan_target.target_value)`.as('total'),
      sql<number>`count(plan.id)`.as('plans')
    ])
    .where('organisation.parent_id', '=', orgId)
    .where('plan.year', '=', year)
    .groupBy('plan_target.indicator_id');
  q = programId ? q.where('plan.program_id', '=', programId) : q.where('plan.program_id', 'is', null);
  return (await q.execute()).map((r) => ({
    indicator_id: r.indicator_id,
    total: Number(r.total),
    plans: Number(r.plans)
  }));
}
