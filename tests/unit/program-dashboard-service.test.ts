/**
 * The program dashboard on the demo seed: targets against actuals with % done, the child
 * table and its sorting, the monthly trend, the map bands, and scope (404 outside it).
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { loadDashboard, percentOf, sortChildren } from '../../src/lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '../../src/lib/server/program/dashboard/dashboard.query';
import { bandsFor, bandOf } from '../../src/lib/server/program/dashboard/dashboard-map';
import { allAggregates } from '../../src/lib/server/program/rollup/aggregate.repository';
import { naiveAggregates } from '../support/program/naive.repository';
import type { Db } from '../../src/lib/server/db';

const PROVINCE = 'Hội Người cao tuổi tỉnh Lai Châu';
const DOAN_KET = 'Hội Người cao tuổi phường Đoàn Kết';
const q = (s: string) => parseDashboardQuery(new URLSearchParams(s), '2026-11-29').query;

/** A 2026 plan of our own, so the test does not depend on the program seed. */
async function plan(db: Db, org: string, targets: Record<string, number>) {
  const id = `plan-test-${org}`;
  await db
    .insertInto('plan')
    .values({
      id,
      organisation_id: org,
      program_id: null,
      year: 2026,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z'
    })
    .execute();
  await db
    .insertInto('plan_target')
    .values(
      Object.entries(targets).map(([code, target_value]) => ({
        plan_id: id,
        indicator_id: `ind-${code}`,
        target_value
      }))
    )
    .execute();
}

const sorted = (
  rows: { indicator_code: string; organisation_id: string; admin_unit_id: string; month: string; value: number }[]
) =>
  rows.map((r) => `${r.indicator_code}|${r.organisation_id}|${r.admin_unit_id}|${r.month}|${Number(r.value)}`).sort();

forEachDb('program dashboard', (ctx) => {
  let province = '';
  let doanKet = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    province = await orgId(ctx.db, PROVINCE);
    doanKet = await orgId(ctx.db, DOAN_KET);
    // the program seed plans Đoàn Kết too: replace its plans with ours so the expected targets are known here
    const seeded = ctx.db.selectFrom('plan').select('id').where('organisation_id', '=', doanKet);
    await ctx.db.deleteFrom('plan_target').where('plan_id', 'in', seeded).execute();
    await ctx.db.deleteFrom('plan').where('organisation_id', '=', doanKet).execute();
    await plan(ctx.db, doanKet, { outreach_sessions: 20, outreach_participants: 1000, commitments_households: 30 });
  });

  it('seeds activity data whose pre-aggregates equal the raw rows', async () => {
    const agg = await allAggregates(ctx.db);
    expect(agg.length).toBeGreaterThan(50);
    expect(sorted(agg)).toEqual(sorted(await naiveAggregates(ctx.db)));
  });

  it('shows targets against actuals with % done, as the roll-up computes them', async () => {
    const d = await loadDashboard(
      ctx.db,
      await actorFor(ctx.db, 'canbo.doanket'),
      q(`org=${doanKet}&from=2026-01&to=2026-12&as_of=2026-11-29`)
    );
    expect(d.org.id).toBe(doanKet);
    expect(d.hasPlan).toBe(true);
    expect(d.columns).toEqual(['outreach_sessions', 'outreach_participants', 'commitments_households']);
    const sessions = d.lines.find((l) => l.code === 'outreach_sessions')!;
    // raw count: outreach in 2026 by Đoàn Kết's subtree
    const raw = await ctx.db
      .selectFrom('activity')
      .innerJoin('organisation_closure as c', 'c.descendant_id', 'activity.organisation_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('c.ancestor_id', '=', doanKet)
      .where('kind', '=', 'outreach')
      .where('started_on', '>=', '2026-01-01')
      .where('started_on', '<', '2027-01-01')
      .executeTakeFirstOrThrow();
    expect(sessions.actual).toBe(Number(raw.n));
    expect(sessions.actual).toBeGreaterThan(0);
    expect(sessions.target).toBe(20);
    expect(sessions.percent).toBe(percentOf(sessions.actual, 20));
    expect(d.lines.find((l) => l.code === 'trainings')!.target).toBeNull();
    expect(d.lines.find((l) => l.code === 'trainings')!.percent).toBeNull();
    // the trend adds up to the total, month by month
    const trend = d.trend.find((t) => t.code === 'outreach_sessions')!;
    expect(trend.values).toHaveLength(12);
    expect(trend.values.reduce((s, v) => s + v.value, 0)).toBe(sessions.actual);
    // its two demo branches are its children, and add up with its own sessions
    expect(d.children.map((c) => c.name).sort()).toEqual([
      'Chi hội NCT Bản Mẫu Hai (demo)',
      'Chi hội NCT Bản Mẫu Một (demo)'
    ]);
  });

  it('province figures (read from the commune-level table) equal the raw rows, child by child', async () => {
    const d = await loadDashboard(ctx.db, SYSTEM, q(`org=${province}&from=2025-07&to=2026-12&as_of=2026-11-29`));
    const raw = await ctx.db
      .selectFrom('activity')
      .innerJoin('organisation_closure as c', 'c.descendant_id', 'activity.organisation_id')
      .innerJoin('organisation as o', 'o.id', 'c.ancestor_id')
      .select(['c.ancestor_id', (eb) => eb.fn.sum<number>('activity.count_total').as('n')])
      .where('o.parent_id', '=', province)
      .where('activity.kind', '=', 'outreach')
      .groupBy('c.ancestor_id')
      .execute();
    const expected = new Map(raw.map((r) => [r.ancestor_id, Number(r.n)]));
    const got = new Map(
      d.children.filter((c) => c.values.outreach_participants).map((c) => [c.id, c.values.outreach_participants])
    );
    expect(got).toEqual(expected);
    expect(d.lines.find((l) => l.code === 'outreach_participants')!.actual).toBe(
      [...expected.values()].reduce((a, b) => a + b, 0)
    );
  });

  it('percent: one decimal, none without a target', () => {
    expect(percentOf(30, 40)).toBe(75);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(5, 0)).toBeNull();
  });

  it('sorts the child table by name (Vietnamese order) or by a column, both ways', async () => {
    const actor = await actorFor(ctx.db, 'canbo.tinh');
    const byName = await loadDashboard(ctx.db, actor, q('from=2026-01&to=2026-12&as_of=2026-11-29'));
    expect(byName.org.id).toBe(province); // default: the user's top organisation
    expect(byName.children.length).toBe(38);
    const names = byName.children.map((c) => c.name);
    expect(names.indexOf('Hội Người cao tuổi xã Bản Bo')).toBeLessThan(names.indexOf('Hội Người cao tuổi xã Bình Lư'));
    const desc = await loadDashboard(
      ctx.db,
      actor,
      q('from=2026-01&to=2026-12&as_of=2026-11-29&sort=outreach_participants&dir=desc')
    );
    const values = desc.children.map((c) => c.values.outreach_participants);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBeGreaterThan(0);
    const rows = [
      { id: 'a', name: 'Đông', values: { x: 1 } },
      { id: 'b', name: 'Dương', values: { x: 1 } },
      { id: 'c', name: 'Ân', values: { x: 2 } }
    ];
    expect(sortChildren(rows, 'name', 'asc').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(sortChildren(rows, 'x', 'desc').map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('shades the communes of the province with bands that carry numbers', async () => {
    const d = await loadDashboard(
      ctx.db,
      SYSTEM,
      q(`org=${province}&from=2025-07&to=2026-12&as_of=2026-11-29&ind=outreach_sessions`)
    );
    expect(d.map.areas).toHaveLength(38);
    const total = d.lines.find((l) => l.code === 'outreach_sessions')!.actual;
    // province-level records (trainings) aside, every session sits in some commune
    expect(d.map.areas.reduce((s, a) => s + a.value, 0)).toBe(total);
    expect(d.map.markers.some((mk) => mk.type === 'activity')).toBe(true);
    expect(bandsFor(9)).toEqual([
      { n: 0, min: 0, max: 0 },
      { n: 1, min: 1, max: 3 },
      { n: 2, min: 4, max: 6 },
      { n: 3, min: 7, max: 9 }
    ]);
    expect(bandOf(bandsFor(9), 5)).toBe(2);
  });

  it('answers 404 for an organisation outside the scope, and keeps the picker in scope', async () => {
    const actor = await actorFor(ctx.db, 'canbo.doanket');
    await expect(loadDashboard(ctx.db, actor, q(`org=${province}`))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      loadDashboard(ctx.db, actor, q(`org=${await orgId(ctx.db, 'Hội Người cao tuổi xã Bình Lư')}`))
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const d = await loadDashboard(ctx.db, actor, q(''));
    expect(d.org.id).toBe(doanKet);
    expect(d.orgs.map((o) => o.id)).not.toContain(province);
    expect(d.orgs.length).toBe(3);
  });

  it('lets a viewer read it, without the overdue reports', async () => {
    const d = await loadDashboard(
      ctx.db,
      await actorFor(ctx.db, 'lanhdao'),
      q('from=2026-01&to=2026-12&as_of=2026-11-29')
    );
    expect(d.org.id).toBe(province);
    expect(d.overdue.allowed).toBe(false);
    const officer = await loadDashboard(
      ctx.db,
      await actorFor(ctx.db, 'canbo.tinh'),
      q('from=2026-01&to=2026-12&as_of=2026-11-29')
    );
    expect(officer.overdue.allowed).toBe(true);
  });

  it('falls back to defaults on bad parameters', () => {
    const r = parseDashboardQuery(
      new URLSearchParams('from=2026-13&to=abc&as_of=xx&ind=nope&sort=drop&dir=up'),
      '2026-11-29'
    );
    expect(r.query).toMatchObject({
      from: '2026-01',
      to: '2026-12',
      asOf: '2026-11-29',
      indicator: null,
      sort: 'name',
      dir: 'asc'
    });
    expect(r.invalid.sort()).toEqual(['as_of', 'dir', 'from', 'ind', 'sort', 'to']);
    expect(parseDashboardQuery(new URLSearchParams('from=2026-06&to=2026-02'), '2026-11-29').query).toMatchObject({
      from: '2026-02',
      to: '2026-06'
    });
  });
});
