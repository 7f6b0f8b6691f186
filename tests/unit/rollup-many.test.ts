/**
 * Several indicators in one pass (the dashboard's roll-up): the same figures as the roll-up of
 * each indicator alone, in a bounded number of queries however many indicators there are.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { countQueries } from '../support/query-count';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { rollupOrg } from '../../src/lib/server/program/rollup/rollup.service';
import { rollupOrgMany } from '../../src/lib/server/program/rollup/rollup-many.service';
import { loadDashboard } from '../../src/lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '../../src/lib/server/program/dashboard/dashboard.query';

const PROVINCE = 'Hội Người cao tuổi tỉnh Lai Châu';

forEachDb('roll-up of many indicators', (ctx) => {
  let province = '';
  let codes: string[] = [];

  beforeAll(async () => {
    await seedDemo(ctx.db);
    province = await orgId(ctx.db, PROVINCE);
    codes = (await ctx.db.selectFrom('indicator').select('code').orderBy('code').execute()).map((r) => r.code);
  });

  it.each([
    ['the province, a year by month', 'SYSTEM', { from: '2026-01', to: '2026-12', asOf: '2026-11-29', byMonth: true }],
    ['the province, across the 2025 mergers', 'SYSTEM', { from: '2025-01', to: '2026-12', asOf: '2026-11-29' }],
    ['as seen by a ward officer', 'canbo.doanket', { from: '2026-01', to: '2026-12', asOf: '2026-11-29' }]
  ])('gives each indicator the figures of its own roll-up: %s', async (_, who, q) => {
    const actor = who === 'SYSTEM' ? SYSTEM : await actorFor(ctx.db, who);
    const org = who === 'SYSTEM' ? province : actor.grants[0].organisationId;
    const many = await rollupOrgMany(ctx.db, actor, org, codes, q);
    expect([...many.keys()].sort()).toEqual(codes);
    let nonZero = 0;
    for (const code of codes) {
      const one = await rollupOrg(ctx.db, actor, org, { ...q, indicator: code });
      expect(many.get(code), code).toEqual(one);
      if (one.total) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(2);
  });

  it('asks the database a bounded number of times, not once per indicator', async () => {
    const q = { from: '2026-01', to: '2026-12', asOf: '2026-11-29', byMonth: true };
    const one = await countQueries(ctx.db, (db) => rollupOrgMany(db, SYSTEM, province, codes.slice(0, 1), q));
    const all = await countQueries(ctx.db, (db) => rollupOrgMany(db, SYSTEM, province, codes, q));
    expect(codes.length).toBeGreaterThan(5);
    // at most one more query per kind of indicator (flow or stock, computed or manual)
    expect(all.queries).toBeLessThanOrEqual(one.queries + 4);
  });

  it('shows the dashboard in as many queries with four more indicators (no query per indicator)', async () => {
    const officer = await actorFor(ctx.db, 'canbo.tinh');
    const query = parseDashboardQuery(
      new URLSearchParams('from=2026-01&to=2026-12&as_of=2026-11-29'),
      '2026-11-29'
    ).query;
    // the first view of a database also loads the geography (kept for the next ones)
    await loadDashboard(ctx.db, officer, query);
    const before = await countQueries(ctx.db, (db) => loadDashboard(db, officer, query));
    await ctx.db
      .insertInto('indicator')
      .values(
        [1, 2, 3, 4].map((n) => ({
          id: `ind-perf-${n}`,
          code: `perf_extra_${n}`,
          name_vi: `Chỉ tiêu thêm ${n}`,
          name_en: `Extra indicator ${n}`,
          unit: 'lượt',
          source: 'computed' as const,
          definition_key: null,
          created_at: '2026-01-01T00:00:00Z'
        }))
      )
      .execute();
    const after = await countQueries(ctx.db, (db) => loadDashboard(db, officer, query));
    expect(after.result.lines.length).toBe(before.result.lines.length + 4);
    expect(after.queries).toBe(before.queries);
    // the whole view (targets, trend, children, map, overdue reports) was ~150 queries before
    // batching, then 32; the geography is read once per database, not once per view
    expect(after.queries).toBeLessThanOrEqual(15);
  });

  it('answers 404 for an unknown indicator or an organisation outside the scope', async () => {
    const q = { from: '2026-01', to: '2026-12' };
    await expect(rollupOrgMany(ctx.db, SYSTEM, province, [...codes, 'no_such_indicator'], q)).rejects.toMatchObject({
      status: 404
    });
    const ward = await actorFor(ctx.db, 'canbo.doanket');
    await expect(rollupOrgMany(ctx.db, ward, province, codes, q)).rejects.toMatchObject({ status: 404 });
  });
});
