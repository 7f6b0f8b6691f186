/**
 * Outreach participants by group (elderly, women, ethnic minority) as pre-aggregated
 * indicators (migration 062), on both databases: a database that held activities before the
 * migration gets its cells folded in, equal to the GROUP BY over the raw rows on both
 * aggregate tables; the report's figures read those cells (not the activities); and the
 * groups stay off the plan form and the dashboard, which list what targets are set for.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { orgId, seedDemo } from '../support/demo';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { migrations } from '../../src/lib/server/db/migrations';
import { allAggregates } from '../../src/lib/server/program/rollup/aggregate.repository';
import {
  allCommuneAggregates,
  rebuildCommuneAggregates
} from '../../src/lib/server/program/rollup/aggregate-commune.repository';
import { computeFigures } from '../../src/lib/server/reporting/figures.service';
import { periodOf } from '../../src/lib/shared/reporting/periods';
import { figureValue } from '../../src/lib/shared/reporting/figures';
import type { Contribution } from '../../src/lib/server/program/rollup/contributions';
import { naiveAggregates } from '../support/program/naive.repository';

const CODES = ['outreach_elderly', 'outreach_women', 'outreach_ethnic'];
const key = (c: Contribution) => `${c.indicator_code}|${c.organisation_id}|${c.admin_unit_id}|${c.month}`;
const sorted = (rows: Contribution[]) =>
  rows.map((r) => ({ ...r, value: Number(r.value) })).sort((a, b) => (key(a) < key(b) ? -1 : 1));
const groups = (rows: Contribution[]) => sorted(rows.filter((r) => CODES.includes(r.indicator_code)));

forEachDb('outreach groups from the pre-aggregates', (ctx) => {
  beforeAll(async () => {
    await seedDemo(ctx.db);
  }, 120_000);

  it('folds the activities recorded before migration 062 into both aggregate tables', async () => {
    const live = groups(await allAggregates(ctx.db));
    expect(live.length).toBeGreaterThan(0); // the demo has outreach with women and minorities
    // the database as it was before: no group cells, no group indicators
    await ctx.db.deleteFrom('agg_unit_month').where('indicator_code', 'in', CODES).execute();
    await ctx.db.deleteFrom('agg_commune_month').where('indicator_code', 'in', CODES).execute();
    await ctx.db.deleteFrom('indicator').where('code', 'in', CODES).execute();
    await migrations['062_outreach_groups'].up(ctx.db);
    const folded = groups(await allAggregates(ctx.db));
    expect(folded).toEqual(live);
    expect(folded).toEqual(groups(await naiveAggregates(ctx.db, { codes: CODES })));
    const commune = groups(await allCommuneAggregates(ctx.db));
    await rebuildCommuneAggregates(ctx.db);
    expect(commune).toEqual(groups(await allCommuneAggregates(ctx.db)));
  });

  it('reads the report’s group figures from the cells, not the activities', async () => {
    const hoi = await orgId(ctx.db, 'Hội Người cao tuổi phường Đoàn Kết');
    const cell = await ctx.db
      .selectFrom('agg_commune_month')
      .selectAll()
      .where('indicator_code', '=', 'outreach_women')
      .where('organisation_id', '=', hoi)
      .orderBy('month', 'desc')
      .executeTakeFirstOrThrow();
    const period = periodOf('year', Number(cell.month.slice(0, 4)), 1, 'calendar');
    const before = figureValue(await computeFigures(ctx.db, SYSTEM, hoi, period), 'outreach_women');
    expect(before).toBeGreaterThan(0);
    // a repair job restating the cell is what the report shows (no activity changed)
    for (const table of ['agg_unit_month', 'agg_commune_month'] as const)
      await ctx.db
        .updateTable(table)
        .set((eb) => ({ value: eb('value', '+', 1000) }))
        .where('indicator_code', '=', 'outreach_women')
        .where('organisation_id', 'in', (eb) =>
          eb.selectFrom('organisation_closure').select('descendant_id').where('ancestor_id', '=', hoi)
        )
        .where('month', '=', cell.month)
        .execute();
    const after = figureValue(await computeFigures(ctx.db, SYSTEM, hoi, period), 'outreach_women');
    expect(after - before).toBeGreaterThanOrEqual(1000);
  });

  it('keeps the groups off the dashboard and the plan form', async () => {
    const listed = await ctx.db
      .selectFrom('indicator')
      .select('code')
      .where('code', 'in', CODES)
      .where('active', '=', 1)
      .execute();
    expect(listed).toEqual([]);
  });
});
