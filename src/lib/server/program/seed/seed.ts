/**
 * Demo programs, yearly plans with targets and effective models. Runs inside the
 * demo seed's transaction, so it writes through the repositories (the services open their
 * own transactions) and keeps the pre-aggregates right with applyDeltas, as the services do.
 */
import type { Db } from '$lib/server/db';
import type { ModelTable } from '$lib/server/db/schema';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold } from '$lib/shared/text';
import { applyDeltas } from '../rollup/aggregate.repository';
import { modelContributions } from '../rollup/contributions';
import { insertModel, insertModelResult } from '../models/model.repository';
import { insertPlan, setTargets } from '../plans/plan.repository';
import { insertProgram, setParties } from '../programs/program.repository';
import { insertIndicatorIfMissing } from '$lib/server/seed/demo.repository';
import { PROGRAMS, MANUAL_INDICATORS, PLANS_2026, MODELS } from './seed-data';

type Ids = Record<string, string>;

async function seedIndicators(db: Db): Promise<void> {
  const now = nowIso();
  for (const [i, [code, vi, en, unit]] of MANUAL_INDICATORS.entries()) {
    await insertIndicatorIfMissing(db, {
      id: `ind-${code}`,
      code,
      name_vi: vi,
      name_en: en,
      unit,
      source: 'manual',
      definition_key: null,
      aggregation: 'flow',
      sort_order: 100 + i,
      active: 1,
      created_at: now
    });
  }
}

async function seedPrograms(db: Db, o: Ids): Promise<Ids> {
  const ids: Ids = {};
  const now = nowIso();
  for (const p of PROGRAMS) {
    const id = newId();
    ids[p.key] = id;
    await insertProgram(db, {
      id,
      organisation_id: o[p.owner],
      title: p.title,
      title_search: fold(p.title),
      signed_on: p.signed_on,
      period_from: p.period_from,
      period_to: p.period_to,
      objectives: p.objectives,
      content_areas: JSON.stringify(p.content_areas),
      document_path: null,
      created_at: now,
      updated_at: now
    });
    await setParties(
      db,
      id,
      p.parties.map((k) => o[k])
    );
  }
  return ids;
}

async function seedPlans(db: Db, o: Ids, programs: Ids): Promise<void> {
  const now = nowIso();
  for (const [org, targets] of Object.entries(PLANS_2026)) {
    const id = newId();
    await insertPlan(db, {
      id,
      organisation_id: o[org],
      program_id: programs.p2022,
      year: 2026,
      created_at: now,
      updated_at: now
    });
    await setTargets(
      db,
      id,
      Object.entries(targets).map(([code, value]) => ({ indicator_id: `ind-${code}`, target_value: value }))
    );
  }
}

async function seedModels(db: Db, o: Ids, u: Ids): Promise<void> {
  const ids: Ids = {};
  const now = nowIso();
  for (const mo of MODELS) {
    const row: ModelTable = {
      id: newId(),
      name: mo.name,
      name_search: fold(mo.name),
      kind: mo.kind,
      organisation_id: o[mo.org],
      admin_unit_id: u[mo.unit],
      started_on: mo.started_on,
      ended_on: mo.ended_on ?? null,
      people_involved: mo.people,
      status: mo.status,
      evidence: mo.evidence,
      recognised_by: mo.recognised_by ?? null,
      recognised_on: mo.recognised_on ?? null,
      replicated_from_id: mo.from ? ids[mo.from] : null,
      created_by: null,
      created_at: now,
      updated_at: now
    };
    ids[mo.key] = row.id;
    await insertModel(db, row);
    await applyDeltas(db, modelContributions(row));
    for (const r of mo.results)
      await insertModelResult(db, {
        id: newId(),
        model_id: row.id,
        description: r[0],
        quantity: r[1],
        unit: r[2],
        recorded_on: r[3]
      });
  }
}

export async function seedProgramDemo(db: Db, orgs: Ids, units: Ids): Promise<void> {
  await seedIndicators(db);
  const programs = await seedPrograms(db, orgs);
  await seedPlans(db, orgs, programs);
  await seedModels(db, orgs, units);
}
