/**
 * A report on a year before the 2025 merger, read after it, on both databases: commune Hội A
 * closed on 2025-07-01 into Hội B. The province's 2025 report counts A's outreach (with its
 * groups), its citizen reports and their fines in B's member-unit row, and A has no row of its
 * own; the figures compare with the plan's target as a percentage.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { computeFigures } from '../../src/lib/server/reporting/figures.service';
import { periodOf } from '../../src/lib/shared/reporting/periods';
import type { Figures } from '../../src/lib/shared/reporting/figures';
import { activity, makeOrg, makeUnit } from './program-support';

const PERIOD = periodOf('year', 2025, 1, 'calendar');

forEachDb('report figures across the 2025 merger', (ctx) => {
  const o: Record<string, string> = {};
  let figures: Figures;
  const row = (code: string) =>
    new Map(figures.figures.find((f) => f.code === code)!.children.map((c) => [c.id, c.value]));

  beforeAll(async () => {
    await seedDemo(ctx.db); // the report categories
    const province = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh M', parent_id: null });
    const commune = await makeUnit(ctx.db, { level: 'commune', name: 'Xã M', parent_id: province });
    o.p = await makeOrg(ctx.db, 'Hội tỉnh M', null, province);
    o.a = await makeOrg(ctx.db, 'Hội xã A (cũ)', o.p, commune);
    o.b = await makeOrg(ctx.db, 'Hội xã B', o.p, commune);
    await ctx.db
      .updateTable('organisation')
      .set({ valid_to: '2025-07-01', successor_id: o.b })
      .where('id', '=', o.a)
      .execute();
    const session = (org: string, started_on: string, women: number) =>
      createActivity(
        ctx.db,
        SYSTEM,
        activity({
          kind: 'outreach',
          organisation_id: org,
          admin_unit_id: commune,
          started_on,
          count_total: '50',
          count_women: String(women)
        })
      );
    await session(o.a, '2025-03-10', 20);
    await session(o.b, '2025-09-10', 5);
    const outcome = JSON.stringify({
      kind: 'violation_confirmed',
      decision_no: '07/QĐ-XPHC',
      decision_date: '2025-04-01',
      fine_vnd: 3_000_000,
      remedies: '',
      note: ''
    });
    await createTestReport(ctx.db, {
      commune_org_id: o.a,
      commune_unit_id: commune,
      status: 'resolved',
      outcome_kind: 'violation_confirmed',
      outcome_json: outcome,
      created_at: '2025-03-12T02:00:00.000Z',
      resolved_at: '2025-04-02T02:00:00.000Z'
    });
    await ctx.db
      .insertInto('plan')
      .values({
        id: 'plan-m',
        organisation_id: o.p,
        program_id: null,
        year: 2025,
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-01T00:00:00Z'
      })
      .execute();
    await ctx.db
      .insertInto('plan_target')
      .values({ plan_id: 'plan-m', indicator_id: 'ind-outreach_sessions', target_value: 8 })
      .execute();
    figures = await computeFigures(ctx.db, SYSTEM, o.p, PERIOD);
  }, 120_000);

  it('counts the closed Hội’s outreach and groups under its successor’s row', () => {
    expect(row('outreach_sessions')).toEqual(new Map([[o.b, 2]]));
    expect(row('outreach_women')).toEqual(new Map([[o.b, 25]]));
  });

  it('counts its citizen reports and fines there too', () => {
    expect(row('reports_received')).toEqual(new Map([[o.b, 1]]));
    expect(row('violations_fined')).toEqual(new Map([[o.b, 1]]));
    expect(row('fines_vnd')).toEqual(new Map([[o.b, 3_000_000]]));
  });

  it('compares with the plan: 2 of 8 sessions is 25%', () => {
    const f = figures.figures.find((x) => x.code === 'outreach_sessions')!;
    expect([f.value, f.target, f.percent]).toEqual([2, 8, 25]);
  });
});
