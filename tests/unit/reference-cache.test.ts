/**
 * Intake's reference data and the roll-ups' geography are kept in memory per process and
 * checked against one token (migration 181) that triggers change on every write. So a change
 * made by any path, straight SQL included, is seen by the very next report or roll-up; and the
 * dashboard's first view of a process stays within its query budget.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { orgId, seedDemo } from '../support/demo';
import { countQueries } from '../support/query-count';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createKey } from '../../src/lib/server/open311/keys.service';
import { handle } from '../../src/lib/server/open311/open311.http';
import { geoIndex, invalidateGeoIndex } from '../../src/lib/server/program/rollup/geo-index';
import { loadDashboard } from '../../src/lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '../../src/lib/server/program/dashboard/dashboard.query';
import { addCalendarDays } from '../../src/lib/server/calendar/workdays';
import { todayVn } from '../../src/lib/shared/format';
import type { Db } from '../../src/lib/server/db';

/** Queries of the program dashboard's first view in a process (geography loaded too); it was 17. */
const FIRST_VIEW_BUDGET = 15;

async function post(db: Db, key: string, serviceCode = 'do_rac') {
  const { result } = await handle(db, {
    method: 'POST',
    path: 'requests.json',
    params: {
      api_key: key,
      service_code: serviceCode,
      lat: '22.4331',
      long: '103.4012',
      description: 'Rác (bộ nhớ đệm)'
    },
    baseUrl: 'http://x'
  });
  const id = result.status === 200 ? (result.body as { service_request_id: string }[])[0].service_request_id : null;
  return { status: result.status, id };
}

const reportOf = (db: Db, id: string) =>
  db.selectFrom('report').select(['commune_org_id', 'deadline_on']).where('id', '=', id).executeTakeFirstOrThrow();

forEachDb('in-memory reference data', (ctx) => {
  let key = '';
  beforeAll(async () => {
    await seedDemo(ctx.db);
    key = (await createKey(ctx.db, SYSTEM, 'đệm')).key;
  });

  it('refuses a service deactivated since the last report, and takes it again once reactivated', async () => {
    expect((await post(ctx.db, key)).status).toBe(200);
    const set = (active: number) =>
      ctx.db.updateTable('category').set({ active }).where('code', '=', 'do_rac').execute();
    await set(0);
    expect((await post(ctx.db, key)).status).toBe(404);
    await set(1);
    expect((await post(ctx.db, key)).status).toBe(200);
  });

  it('files the next report under a changed deadline rule', async () => {
    const first = await post(ctx.db, key);
    const rules = () =>
      ctx.db.updateTable('deadline_rule').where('stage', '=', 'verify').where('channel', '=', 'phan_anh');
    await rules().set({ day_kind: 'calendar', days: 40 }).execute();
    const second = await post(ctx.db, key);
    expect((await reportOf(ctx.db, second.id!)).deadline_on).toBe(addCalendarDays(todayVn(), 40));
    expect((await reportOf(ctx.db, first.id!)).deadline_on).not.toBe(addCalendarDays(todayVn(), 40));
  });

  it("sends the next report to the province Hội once the commune's Hội is closed", async () => {
    const before = await post(ctx.db, key);
    const communeHoi = (await reportOf(ctx.db, before.id!)).commune_org_id!;
    await ctx.db.updateTable('organisation').set({ valid_to: todayVn() }).where('id', '=', communeHoi).execute();
    const after = await post(ctx.db, key);
    const org = await ctx.db
      .selectFrom('organisation')
      .select('type')
      .where('id', '=', (await reportOf(ctx.db, after.id!)).commune_org_id!)
      .executeTakeFirstOrThrow();
    expect(org.type).toBe('province_association');
    await ctx.db.updateTable('organisation').set({ valid_to: null }).where('id', '=', communeHoi).execute();
  });

  it('sees a unit added by plain SQL in the next roll-up geography', async () => {
    const size = (await geoIndex(ctx.db)).size;
    await ctx.db
      .insertInto('admin_unit')
      .values({
        id: 'test-ref-unit',
        code: null,
        level: 'village',
        type: 'thon',
        name: 'Bản Thử',
        full_name: 'Bản Thử',
        name_search: 'ban thu',
        sort_key: 'ban thu',
        parent_id: null,
        valid_from: '2025-07-01',
        valid_to: null,
        centre_lat: null,
        centre_lon: null,
        households: null,
        source: null,
        created_at: new Date().toISOString()
      })
      .execute();
    expect((await geoIndex(ctx.db)).size).toBe(size + 1);
  });

  it("shows a process's first dashboard view within its query budget", async () => {
    const province = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
    const q = parseDashboardQuery(new URLSearchParams(`org=${province}&from=2026-01&to=2026-12`), '2026-11-29').query;
    invalidateGeoIndex(ctx.db); // as in a process that has not rolled anything up yet
    const first = await countQueries(ctx.db, (db) => loadDashboard(db, SYSTEM, q));
    expect(first.queries).toBeLessThanOrEqual(FIRST_VIEW_BUDGET);
    const again = await countQueries(ctx.db, (db) => loadDashboard(db, SYSTEM, q));
    expect(again.result).toEqual(first.result);
  });
});
