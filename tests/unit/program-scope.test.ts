/** Scope: a commune officer sees and changes only their subtree; plans show targets vs actuals. */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { validate } from '../../src/lib/server/forms';
import * as activities from '../../src/lib/server/program/activities/activity.service';
import { activitySchema } from '../../src/lib/server/program/activities/activity.schema';
import { rollupOrg, rollupUnit } from '../../src/lib/server/program/rollup/rollup.service';
import { planProgress } from '../../src/lib/server/program/rollup/plan-progress.service';
import { newId, nowIso } from '../../src/lib/server/db/ids';
import { activity, actorWith, makeOrg, makeUnit } from './program-support';

const year = { from: '2025-01', to: '2025-12', asOf: '2026-01-01' };

forEachDb('program: scope and plans', (ctx) => {
  const ids = {
    province: '',
    communeA: '',
    communeB: '',
    unitP: '',
    unitA: '',
    unitB: '',
    actA: '',
    actP: '',
    plan: ''
  };
  const officerA = () => actorWith('association_officer', ids.communeA);

  beforeAll(async () => {
    ids.unitP = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh S', parent_id: null });
    ids.unitA = await makeUnit(ctx.db, { level: 'commune', name: 'Xã A', parent_id: ids.unitP });
    ids.unitB = await makeUnit(ctx.db, { level: 'commune', name: 'Xã B', parent_id: ids.unitP });
    ids.province = await makeOrg(ctx.db, 'Hội tỉnh S', null, ids.unitP);
    ids.communeA = await makeOrg(ctx.db, 'Hội xã A', ids.province, ids.unitA);
    ids.communeB = await makeOrg(ctx.db, 'Hội xã B', ids.province, ids.unitB);
    const at = (org: string, unit: string, total: number) =>
      activity({
        organisation_id: org,
        admin_unit_id: unit,
        started_on: '2025-03-02',
        count_total: String(total),
        count_elderly: '1'
      });
    ids.actA = await activities.createActivity(ctx.db, officerA(), at(ids.communeA, ids.unitA, 40));
    await activities.createActivity(ctx.db, SYSTEM, at(ids.communeB, ids.unitB, 25));
    ids.actP = await activities.createActivity(ctx.db, SYSTEM, at(ids.province, ids.unitA, 7)); // province org, in commune A's territory
    const now = nowIso();
    ids.plan = newId();
    await ctx.db
      .insertInto('plan')
      .values({
        id: ids.plan,
        organisation_id: ids.province,
        program_id: null,
        year: 2025,
        created_at: now,
        updated_at: now
      })
      .execute();
    const childPlan = newId();
    await ctx.db
      .insertInto('plan')
      .values({
        id: childPlan,
        organisation_id: ids.communeA,
        program_id: null,
        year: 2025,
        created_at: now,
        updated_at: now
      })
      .execute();
    await ctx.db
      .insertInto('plan_target')
      .values([
        { plan_id: ids.plan, indicator_id: 'ind-outreach_sessions', target_value: 4 },
        { plan_id: ids.plan, indicator_id: 'ind-outreach_participants', target_value: 200 },
        { plan_id: childPlan, indicator_id: 'ind-outreach_sessions', target_value: 2 }
      ])
      .execute();
  });

  it('a commune officer counts only their own organisation, even on a province unit', async () => {
    const q = { indicator: 'outreach_participants', ...year };
    expect((await rollupUnit(ctx.db, SYSTEM, ids.unitP, q)).total).toBe(72);
    const mine = await rollupUnit(ctx.db, officerA(), ids.unitP, q);
    expect(mine.total).toBe(40);
    expect(mine.children.map((c) => [c.name, c.value])).toEqual([
      ['Xã A', 40],
      ['Xã B', 0]
    ]);
    expect((await rollupOrg(ctx.db, officerA(), ids.communeA, q)).total).toBe(40);
  });

  it('answers 404 for organisations and records outside the subtree', async () => {
    const q = { indicator: 'outreach_sessions', ...year };
    await expect(rollupOrg(ctx.db, officerA(), ids.province, q)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rollupOrg(ctx.db, officerA(), ids.communeB, q)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(activities.getActivity(ctx.db, officerA(), ids.actP)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(activities.deleteActivity(ctx.db, officerA(), ids.actP)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      activities.createActivity(
        ctx.db,
        officerA(),
        activity({ organisation_id: ids.communeB, admin_unit_id: ids.unitB })
      )
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'program_err_organisation' });
    const listed = await activities.listActivities(ctx.db, officerA(), {});
    expect(listed.map((a) => a.id)).toEqual([ids.actA]);
  });

  it('the province sees its children and its own records', async () => {
    const r = await rollupOrg(ctx.db, SYSTEM, ids.province, { indicator: 'outreach_sessions', ...year });
    expect([r.total, r.own, r.children.map((c) => c.value)]).toEqual([3, 1, [1, 1]]);
  });

  it('reports targets against actuals with % done and the children’s targets', async () => {
    const rows = await planProgress(ctx.db, SYSTEM, ids.plan);
    expect(rows.map((r) => [r.code, r.target, r.childrenTarget, r.actual, r.percent])).toEqual([
      ['outreach_sessions', 4, 2, 3, 75],
      ['outreach_participants', 200, 0, 72, 36]
    ]);
    await expect(planProgress(ctx.db, officerA(), ids.plan)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a unit not in force on the activity date', async () => {
    const closed = await makeUnit(ctx.db, {
      level: 'commune',
      name: 'Xã cũ',
      parent_id: ids.unitP,
      valid_to: '2025-07-01'
    });
    await expect(
      activities.createActivity(
        ctx.db,
        SYSTEM,
        activity({ organisation_id: ids.communeA, admin_unit_id: closed, started_on: '2025-08-01' })
      )
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'program_err_unit_date' });
  });
});

it.each([
  [{ count_total: 'abc' }, 'count_total', 'program_err_count'],
  [{ count_total: '5', count_elderly: '6' }, 'count_elderly', 'program_err_count_over_total'],
  [{ started_on: '31/02/2025' }, 'started_on', 'dates_err_not_in_calendar'],
  [{ started_on: '02/03/2025', ended_on: '01/03/2025' }, 'ended_on', 'program_err_end_before_start'],
  [{ kind: 'picnic' }, 'kind', 'err_required'],
  [{ organisation_id: '' }, 'organisation_id', 'err_required']
])('activity form rejects %o on %s', (over, field, code) => {
  // The raw issue message: forms.ts validate() currently maps only 'err_*' keys through.
  const r = activitySchema.safeParse({
    kind: 'outreach',
    organisation_id: 'o',
    admin_unit_id: 'u',
    started_on: '01/03/2025',
    ...over
  });
  expect(r.success).toBe(false);
  const issue = r.error!.issues.find((i) => i.path.join('.') === field);
  expect(issue?.message).toBe(code);
});

it('accepts the one-minute outreach form with dd/mm/yyyy and empty counts', () => {
  const r = validate(activitySchema, {
    kind: 'outreach',
    outreach_mode: 'village_meeting',
    organisation_id: 'o',
    admin_unit_id: 'u',
    started_on: '05/03/2025',
    count_total: '1.200',
    topics: ['topic-waste']
  });
  expect(r.ok && r.data).toMatchObject({
    started_on: '2025-03-05',
    count_total: 1200,
    count_elderly: 0,
    topics: ['topic-waste']
  });
});
