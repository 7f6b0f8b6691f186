/**
 * Report intake's statements per report: on PostgreSQL each is a round trip inside or before
 * the transaction, and intake's rate (scripts/bench-reports.ts) follows their number. A new
 * Open311 report, with the officers told and the figures counted, stays within its budget;
 * an Open311 key is marked used once, not on every report; and the notice and figure
 * shortcuts still leave exactly what the long way did.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { countQueries } from '../support/query-count';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createKey } from '../../src/lib/server/open311/keys.service';
import { handle } from '../../src/lib/server/open311/open311.http';
import { upsertCells } from '../../src/lib/server/program/rollup/aggregate.repository';
import type { Db } from '../../src/lib/server/db';

/** Statements the whole Open311 POST may send for one new report, besides begin and commit (it sent 23, then 16 before the in-memory reference data, then 10, then 9 before the notices read their officers themselves). */
const BUDGET = 8;

const params = (key: string) => ({
  api_key: key,
  service_code: 'do_rac',
  lat: '22.4331',
  long: '103.4012',
  description: 'Đổ rác bừa bãi cạnh suối (đếm truy vấn)'
});

async function post(db: Db, key: string) {
  const { result } = await handle(db, {
    method: 'POST',
    path: 'requests.json',
    params: params(key),
    baseUrl: 'http://x'
  });
  expect(result.status).toBe(200);
  return (result.body as { service_request_id: string }[])[0].service_request_id;
}

forEachDb('intake round trips', (ctx) => {
  let key = '';
  beforeAll(async () => {
    await seedDemo(ctx.db);
    key = (await createKey(ctx.db, SYSTEM, 'đếm')).key;
  });

  it('a new Open311 report is filed within its statement budget, officers told, figures counted', async () => {
    await post(ctx.db, key); // the key's first use is written once
    const { result: id, queries } = await countQueries(ctx.db, (db) => post(db, key));
    expect(queries).toBeLessThanOrEqual(BUDGET);
    const inbox = await ctx.db
      .selectFrom('inbox_item')
      .select(['id', 'kind', 'dedupe_key', 'account_id'])
      .where('report_id', '=', id)
      .execute();
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.every((n) => n.kind === 'new_report')).toBe(true);
    // ids made by the database have newId()'s shape (UUID v4), one per notice
    for (const n of inbox)
      expect(n.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(inbox.map((n) => n.id)).size).toBe(inbox.length);
    expect(inbox.map((n) => n.dedupe_key).sort()).toEqual(inbox.map((n) => `new_report:${id}:${n.account_id}`).sort());
    const report = await ctx.db
      .selectFrom('report')
      .select('commune_org_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const cells = await ctx.db
      .selectFrom('agg_commune_month')
      .select('value')
      .where('organisation_id', '=', report.commune_org_id!)
      .execute();
    expect(cells.some((c) => Number(c.value) >= 2)).toBe(true);
  });

  it('marks a key used on its first report and not again on the next ones', async () => {
    const fresh = await createKey(ctx.db, SYSTEM, 'mới');
    const lastUsed = () =>
      ctx.db.selectFrom('open311_api_key').select('last_used_at').where('id', '=', fresh.id).executeTakeFirstOrThrow();
    expect((await lastUsed()).last_used_at).toBeNull();
    await post(ctx.db, fresh.key);
    const first = (await lastUsed()).last_used_at;
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await post(ctx.db, fresh.key);
    expect((await lastUsed()).last_used_at).toBe(first);
  });

  it('a figure that falls back to zero is still removed; one that only grows is kept', async () => {
    const cell = { indicator_code: 'test_round_trips', organisation_id: 'o', admin_unit_id: 'u', month: '2026-01' };
    const rows = () =>
      ctx.db.selectFrom('agg_unit_month').select('value').where('indicator_code', '=', cell.indicator_code).execute();
    await upsertCells(ctx.db, 'agg_unit_month', [{ ...cell, value: 2 }]);
    await upsertCells(ctx.db, 'agg_unit_month', [{ ...cell, value: 1 }]);
    expect((await rows()).map((r) => Number(r.value))).toEqual([3]);
    await upsertCells(ctx.db, 'agg_unit_month', [{ ...cell, value: -3 }]);
    expect(await rows()).toEqual([]);
  });
});
