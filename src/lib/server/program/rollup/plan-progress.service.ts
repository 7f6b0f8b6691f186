/**
 * Targets versus actuals for a yearly plan, over the plan organisation's whole subtree: the
 * actuals of all its indicators come from one batched roll-up (rollupOrgMany).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { rollupOrgMany } from './rollup-many.service';
import * as repo from './rollup.repository';
import { READ } from '../policy';

export interface TargetRow {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  target: number;
  /** sum of the children's plans for the same program and year */
  childrenTarget: number;
  actual: number;
  /** actual / target × 100, one decimal; null when there is no target */
  percent: number | null;
}

/** Targets versus actuals for a yearly plan, over the plan organisation's whole subtree. */
export async function planProgress(db: Db, actor: Actor, planId: string, asOf?: string): Promise<TargetRow[]> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw notFound();
  await assertInScope(db, actor, READ, plan.organisation_id);
  const [targets, childSums] = await Promise.all([
    repo.findPlanTargets(db, planId),
    repo.childTargetSums(db, plan.organisation_id, plan.year, plan.program_id)
  ]);
  const actuals = await rollupOrgMany(
    db,
    actor,
    plan.organisation_id,
    targets.map((t) => t.code),
    { from: `${plan.year}-01`, to: `${plan.year}-12`, asOf }
  );
  const out: TargetRow[] = [];
  for (const t of targets) {
    const r = actuals.get(t.code)!;
    const percent = t.target_value > 0 ? Math.round((r.total / t.target_value) * 1000) / 10 : null;
    out.push({
      code: t.code,
      name_vi: t.name_vi,
      name_en: t.name_en,
      unit: t.unit,
      target: t.target_value,
      childrenTarget: childSums.get(t.id) ?? 0,
      actual: r.total,
      percent
    });
  }
  return out;
}
