/**
 * Property: after any sequence of inserts, edits and deletes of activities, commitments and
 * models through the services, `agg_unit_month` equals the GROUP BY over the raw rows, and the
 * commune-level `agg_commune_month` (migration 011) equals that GROUP BY lifted to communes and
 * commune associations (villages → their commune, branches → their parent organisation).
 */
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachDb } from '../support/db';
import { SYSTEM } from '../../src/lib/server/access/actor';
import * as activities from '../../src/lib/server/program/activities/activity.service';
import * as commitments from '../../src/lib/server/program/commitments/commitment.service';
import * as models from '../../src/lib/server/program/models/model.service';
import { modelSchema } from '../../src/lib/server/program/models/model.schema';
import { allAggregates } from '../../src/lib/server/program/rollup/aggregate.repository';
import {
  allCommuneAggregates,
  rebuildCommuneAggregates
} from '../../src/lib/server/program/rollup/aggregate-commune.repository';
import type { Db } from '../../src/lib/server/db';
import { naiveAggregates } from '../support/program/naive.repository';
import type { Contribution } from '../../src/lib/server/program/rollup/contributions';
import { ACTIVITY_KINDS } from '../../src/lib/shared/program/kinds';
import { activity, commitment, makeOrg, makeUnit } from './program-support';
import { propertyOptions } from '../support/property';

const sorted = (rows: Contribution[]) =>
  rows.map((r) => `${r.indicator_code}|${r.organisation_id}|${r.admin_unit_id}|${r.month}|${Number(r.value)}`).sort();

const day = fc
  .integer({ min: 0, max: 700 })
  .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86400000).toISOString().slice(0, 10));
const fields = fc.record({
  kind: fc.constantFrom(...ACTIVITY_KINDS),
  unit: fc.nat(),
  org: fc.nat(),
  date: day,
  total: fc.integer({ min: 0, max: 200 }),
  elderly: fc.integer({ min: 0, max: 200 }),
  household: fc.boolean(),
  ended: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null })
});
const op = fc.record({
  what: fc.constantFrom('activity' as const, 'commitment' as const, 'model' as const),
  action: fc.constantFrom('insert', 'insert', 'update', 'delete'),
  pick: fc.nat(),
  f: fields
});

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** The lifting rule, stated independently of the repository: read the parents, regroup in JS. */
async function lifted(db: Db, cells: Contribution[]): Promise<Contribution[]> {
  const units = new Map(
    (await db.selectFrom('admin_unit').select(['id', 'level', 'parent_id']).execute()).map((u) => [u.id, u])
  );
  const orgs = await db.selectFrom('organisation').select(['id', 'parent_id', 'admin_unit_id']).execute();
  const branchParent = new Map(
    orgs
      .filter((o) => o.admin_unit_id && units.get(o.admin_unit_id)?.level === 'village')
      .map((o) => [o.id, o.parent_id ?? o.id])
  );
  const out = new Map<string, Contribution>();
  for (const c of cells) {
    const u = units.get(c.admin_unit_id)!;
    const row = {
      ...c,
      organisation_id: branchParent.get(c.organisation_id) ?? c.organisation_id,
      admin_unit_id: u.level === 'village' && u.parent_id ? u.parent_id : c.admin_unit_id
    };
    const k = `${row.indicator_code}|${row.organisation_id}|${row.admin_unit_id}|${row.month}`;
    const cur = out.get(k);
    if (cur) cur.value += row.value;
    else out.set(k, { ...row });
  }
  return [...out.values()].filter((c) => c.value !== 0);
}

forEachDb('roll-up: pre-aggregates equal the raw GROUP BY', (ctx) => {
  let orgs: string[] = [];
  let villages: string[] = [];
  const ids: Record<string, string[]> = { activity: [], commitment: [], model: [] };

  beforeAll(async () => {
    const province = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh P', parent_id: null });
    const commune = await makeUnit(ctx.db, { level: 'commune', name: 'Xã C', parent_id: province });
    villages = [
      await makeUnit(ctx.db, { level: 'village', name: 'Bản 1', parent_id: commune }),
      await makeUnit(ctx.db, { level: 'village', name: 'Bản 2', parent_id: commune }),
      await makeUnit(ctx.db, { level: 'village', name: 'Bản 3', parent_id: commune })
    ];
    const top = await makeOrg(ctx.db, 'Hội tỉnh P', null, province);
    const communeOrg = await makeOrg(ctx.db, 'Hội xã C', top, commune);
    // two branches (their own unit is a village): lifted into the commune association
    orgs = [
      top,
      communeOrg,
      await makeOrg(ctx.db, 'Chi hội 1', communeOrg, villages[0]),
      await makeOrg(ctx.db, 'Chi hội 2', communeOrg, villages[1])
    ];
  });

  async function apply(o: Op): Promise<void> {
    const { f } = o;
    const org = orgs[f.org % orgs.length];
    const unit = villages[f.unit % villages.length];
    const list = ids[o.what];
    const target = list.length ? list[o.pick % list.length] : null;
    const elderly = Math.min(f.elderly, f.total);
    const ended =
      f.ended === null ? null : new Date(Date.parse(f.date) + f.ended * 86400000).toISOString().slice(0, 10);
    const inputs = {
      activity: () =>
        activity({
          kind: f.kind,
          organisation_id: org,
          admin_unit_id: unit,
          started_on: f.date,
          count_total: String(f.total),
          count_elderly: String(elderly)
        }),
      commitment: () =>
        commitment({
          organisation_id: org,
          village_unit_id: unit,
          signed_on: f.date,
          party: f.household ? 'household' : 'person',
          person_id: null,
          household_name: 'Hộ A'
        }),
      model: () =>
        modelSchema.parse({
          name: 'Mô hình',
          kind: 'waste_point',
          organisation_id: org,
          admin_unit_id: unit,
          started_on: f.date,
          status: ended ? 'ended' : 'active',
          ended_on: ended
        })
    };
    const svc = {
      activity: {
        create: activities.createActivity,
        update: activities.updateActivity,
        remove: activities.deleteActivity
      },
      commitment: {
        create: commitments.createCommitment,
        update: commitments.updateCommitment,
        remove: commitments.deleteCommitment
      },
      model: { create: models.createModel, update: models.updateModel, remove: models.deleteModel }
    }[o.what] as {
      create: (...a: unknown[]) => Promise<string>;
      update: (...a: unknown[]) => Promise<void>;
      remove: (...a: unknown[]) => Promise<void>;
    };
    // person commitments need a person; keep them households when none is given
    const input =
      o.what === 'commitment' && !f.household
        ? commitment({ organisation_id: org, village_unit_id: unit, signed_on: f.date })
        : inputs[o.what]();
    if (o.action === 'insert' || !target) list.push(await svc.create(ctx.db, SYSTEM, input));
    else if (o.action === 'update') await svc.update(ctx.db, SYSTEM, target, input);
    else {
      await svc.remove(ctx.db, SYSTEM, target);
      list.splice(list.indexOf(target), 1);
    }
  }

  it('holds after random inserts, edits and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
        for (const o of ops) await apply(o);
        const raw = await naiveAggregates(ctx.db);
        expect(sorted(await allAggregates(ctx.db))).toEqual(sorted(raw));
        expect(sorted(await allCommuneAggregates(ctx.db))).toEqual(sorted(await lifted(ctx.db, raw)));
      }),
      propertyOptions({ numRuns: 30 })
    );
    expect((await allAggregates(ctx.db)).length).toBeGreaterThan(0);
    // the lifting folds something, and a rebuild from agg_unit_month gives the same table
    const incremental = sorted(await allCommuneAggregates(ctx.db));
    expect(incremental.length).toBeLessThan((await allAggregates(ctx.db)).length);
    await rebuildCommuneAggregates(ctx.db);
    expect(sorted(await allCommuneAggregates(ctx.db))).toEqual(incremental);
  });
});
