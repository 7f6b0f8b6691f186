/**
 * Yearly plans: targets per indicator for one organisation (optionally under a program).
 * A parent's plan is read beside the sum of its children's plans and the year's actuals.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import * as repo from './plan.repository';
import { findProgram, orgsIn, listProgramRows } from '../programs/program.repository';
import { rollupOrgMany } from '../rollup/rollup-many.service';
import type { PlanInput } from './plan.schema';
import { MANAGE, READ } from '../policy';
import { once } from '../submission';
import { inTransaction } from '$lib/server/db/transaction';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

/** Targets keyed by indicator code → rows keyed by indicator id; unknown codes are a field error. */
async function targetRows(db: Db, targets: PlanInput['targets']) {
  const byCode = new Map((await repo.activeIndicators(db)).map((i) => [i.code, i.id]));
  const rows: { indicator_id: string; target_value: number }[] = [];
  for (const [code, value] of Object.entries(targets)) {
    if (value === null) continue;
    const indicatorId = byCode.get(code);
    if (!indicatorId) throw invalid(`targets.${code}`, 'pp_err_indicator');
    rows.push({ indicator_id: indicatorId, target_value: value });
  }
  return rows;
}

async function checkNew(db: Db, actor: Actor, p: PlanInput): Promise<void> {
  if (!(await inScope(db, actor, MANAGE, p.organisation_id))) throw invalid('organisation_id', 'pp_err_plan_org');
  if (p.program_id) {
    const program = await findProgram(db, p.program_id, scopeSubquery(db, actor, READ));
    if (!program) throw invalid('program_id', 'pp_err_program');
    if (p.year < Number(program.period_from.slice(0, 4)) || p.year > Number(program.period_to.slice(0, 4)))
      throw invalid('year', 'pp_err_year_outside');
  }
  if (await repo.findPlanFor(db, p.organisation_id, p.program_id, p.year)) throw invalid('year', 'pp_err_plan_exists');
}

/**
 * With the form's one-time key a retried or double-clicked post answers with the plan the first
 * one made (the checks run inside the key's transaction, so a refused form keeps no key).
 */
export async function createPlan(db: Db, actor: Actor, input: PlanInput, key: string | null = null): Promise<string> {
  requireAction(actor, MANAGE);
  return (await once(db, actor, 'plan', key, (tx) => insertChecked(tx, actor, input))).id;
}

async function insertChecked(db: Db, actor: Actor, input: PlanInput): Promise<string> {
  await checkNew(db, actor, input);
  const targets = await targetRows(db, input.targets);
  const now = nowIso();
  const row = {
    id: newId(),
    organisation_id: input.organisation_id,
    program_id: input.program_id,
    year: input.year,
    created_at: now,
    updated_at: now
  };
  await inTransaction(db, async (tx) => {
    await repo.insertPlan(tx, row);
    await repo.setTargets(tx, row.id, targets);
    await audit(tx, actor, {
      action: 'create',
      entityType: 'plan',
      entityId: row.id,
      organisationId: row.organisation_id,
      after: { ...row, targets }
    });
  });
  return row.id;
}

/** Only the targets change; organisation, program and year identify the plan. */
export async function updatePlanTargets(db: Db, actor: Actor, id: string, input: PlanInput['targets']): Promise<void> {
  requireAction(actor, MANAGE);
  const plan = await repo.findPlanInScope(db, id, scopeSubquery(db, actor, MANAGE));
  if (!plan) throw notFound();
  const targets = await targetRows(db, input);
  await db.transaction().execute(async (tx) => {
    await repo.setTargets(tx, id, targets);
    await repo.touchPlan(tx, id, nowIso());
    await audit(tx, actor, {
      action: 'update',
      entityType: 'plan',
      entityId: id,
      organisationId: plan.organisation_id,
      after: { targets }
    });
  });
}

export interface PlanTargetRow {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  /** this organisation's own target (null: none set) */
  target: number | null;
  /** sum of the children's plans' targets for the same program and year (null: none) */
  childrenTarget: number | null;
  /** how many children's plans set a target for it */
  childrenPlans: number;
  actual: number;
  /** actual / own target × 100, one decimal */
  percent: number | null;
}

/**
 * A plan's targets and, beside them, its children's plans' targets summed per indicator and
 * the year's actuals for the organisation's subtree (pre-aggregates or manual values).
 */
export async function planTargets(db: Db, actor: Actor, planId: string, asOf?: string): Promise<PlanTargetRow[]> {
  requireAction(actor, READ);
  const plan = await repo.findPlanInScope(db, planId, scopeSubquery(db, actor, READ));
  if (!plan) throw notFound();
  const [indicators, own, sums] = await Promise.all([
    repo.activeIndicators(db),
    repo.targetsOfPlans(db, [planId]),
    repo.childSums(db, plan.organisation_id, plan.year, plan.program_id)
  ]);
  const ownOf = new Map(own.map((t) => [t.indicator_id, t.target_value]));
  const sumOf = new Map(sums.map((s) => [s.indicator_id, s]));
  const shown = indicators.filter((x) => ownOf.has(x.id) || sumOf.has(x.id));
  // One batched roll-up for every shown indicator (scope and hierarchy asked once).
  const actuals = shown.length
    ? await rollupOrgMany(
        db,
        actor,
        plan.organisation_id,
        shown.map((i) => i.code),
        { from: `${plan.year}-01`, to: `${plan.year}-12`, asOf }
      )
    : new Map<string, { total: number }>();
  const rows: PlanTargetRow[] = [];
  for (const i of shown) {
    const r = actuals.get(i.code)!;
    const target = ownOf.get(i.id) ?? null;
    const percent = target ? Math.round((r.total / target) * 1000) / 10 : null;
    rows.push({
      code: i.code,
      name_vi: i.name_vi,
      name_en: i.name_en,
      unit: i.unit,
      target,
      childrenTarget: sumOf.get(i.id)?.total ?? null,
      childrenPlans: sumOf.get(i.id)?.plans ?? 0,
      actual: r.total,
      percent
    });
  }
  return rows;
}

export async function getPlan(db: Db, actor: Actor, id: string, asOf?: string) {
  requireAction(actor, READ);
  const scope = scopeSubquery(db, actor, READ);
  const plan = await repo.findPlanInScope(db, id, scope);
  if (!plan) throw notFound();
  const [rows, children, canManage] = await Promise.all([
    planTargets(db, actor, id, asOf),
    repo.listPlanRows(db, scope, {
      parentId: plan.organisation_id,
      year: plan.year,
      programId: plan.program_id ?? undefined
    }),
    inScope(db, actor, MANAGE, plan.organisation_id)
  ]);
  // Without a program, only the children's plans without one belong beside it.
  const siblings = children.filter((c) => c.program_id === plan.program_id);
  return { plan, rows, children: siblings, canManage };
}

/** Own targets as form values (edit page). */
export async function planTargetValues(db: Db, planId: string): Promise<Record<string, string>> {
  const [indicators, own] = await Promise.all([repo.activeIndicators(db), repo.targetsOfPlans(db, [planId])]);
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  return Object.fromEntries(own.map((t) => [`targets.${codeOf.get(t.indicator_id)}`, String(t.target_value)]));
}

/** Selects for the plan form. */
export async function planChoices(db: Db, actor: Actor) {
  requireAction(actor, MANAGE);
  const [orgs, programs, indicators] = await Promise.all([
    orgsIn(db, scopeSubquery(db, actor, MANAGE)),
    listProgramRows(db, scopeSubquery(db, actor, READ), null),
    repo.activeIndicators(db)
  ]);
  return { orgs: orgs.map((o) => ({ id: o.id, name: o.name })), programs, indicators };
}

export async function listPlans(db: Db, actor: Actor, f: repo.PlanFilter = {}) {
  requireAction(actor, READ);
  return repo.listPlanRows(db, scopeSubquery(db, actor, READ), f);
}
