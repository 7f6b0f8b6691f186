/**
 * A closed organisation's records roll up under its successor when asked as of a date on or
 * after its closure, and stay where they were when asked as of an earlier date.
 * The 2025 case: commune association A closes on 2025-07-01 and merges into B; a branch of A
 * that was never re-parented goes with it; later B itself merges into C (a chain).
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { rollupOrg } from '../../src/lib/server/program/rollup/rollup.service';
import { activity, actorWith, makeOrg, makeUnit } from './program-support';

const q = (asOf: string) => ({ indicator: 'outreach_sessions', from: '2024-01', to: '2026-12', asOf });
const BEFORE = '2025-06-30';
const AFTER = '2025-09-01';
const LATER = '2026-09-01';

forEachDb('roll-up: closed organisations under their successor', (ctx) => {
  const o: Record<string, string> = {};

  beforeAll(async () => {
    const province = await makeUnit(ctx.db, { level: 'province', name: 'Tỉnh S', parent_id: null });
    const commune = await makeUnit(ctx.db, { level: 'commune', name: 'Xã S', parent_id: province });
    o.p = await makeOrg(ctx.db, 'Hội tỉnh S', null, province);
    o.a = await makeOrg(ctx.db, 'Hội xã A (cũ)', o.p, commune);
    o.branchA = await makeOrg(ctx.db, 'Chi hội A1', o.a, commune);
    o.b = await makeOrg(ctx.db, 'Hội xã B', o.p, commune);
    o.c = await makeOrg(ctx.db, 'Hội xã C', o.p, commune);
    await ctx.db
      .updateTable('organisation')
      .set({ valid_to: '2025-07-01', successor_id: o.b })
      .where('id', '=', o.a)
      .execute();
    await ctx.db
      .updateTable('organisation')
      .set({ valid_to: '2026-07-01', successor_id: o.c })
      .where('id', '=', o.b)
      .execute();
    const session = (org: string, started_on: string) =>
      createActivity(ctx.db, SYSTEM, activity({ organisation_id: org, admin_unit_id: commune, started_on }));
    await session(o.a, '2024-05-10');
    await session(o.a, '2025-03-10');
    await session(o.branchA, '2024-08-10');
    await session(o.b, '2025-08-10');
    await session(o.c, '2026-08-10');
  });

  it('before the closure, A keeps its records', async () => {
    const b = await rollupOrg(ctx.db, SYSTEM, o.b, q(BEFORE));
    expect(b.total).toBe(1);
    const a = await rollupOrg(ctx.db, SYSTEM, o.a, q(BEFORE));
    expect(a.total).toBe(3);
    const p = await rollupOrg(ctx.db, SYSTEM, o.p, q(BEFORE));
    expect(new Map(p.children.map((c) => [c.id, c.value]))).toEqual(
      new Map([
        [o.a, 3],
        [o.b, 1],
        [o.c, 1]
      ])
    );
  });

  it('after the closure, A and its branch count under B, and A leaves the child rows', async () => {
    const b = await rollupOrg(ctx.db, SYSTEM, o.b, q(AFTER));
    expect(b.total).toBe(4);
    expect(b.own).toBe(4);
    const p = await rollupOrg(ctx.db, SYSTEM, o.p, q(AFTER));
    expect(p.total).toBe(5);
    expect(new Map(p.children.map((c) => [c.id, c.value]))).toEqual(
      new Map([
        [o.b, 4],
        [o.c, 1]
      ])
    );
    expect((await rollupOrg(ctx.db, SYSTEM, o.a, q(AFTER))).total).toBe(0);
  });

  it('follows the chain: after B closes too, everything counts under C', async () => {
    const c = await rollupOrg(ctx.db, SYSTEM, o.c, q(LATER));
    expect(c.total).toBe(5);
    const p = await rollupOrg(ctx.db, SYSTEM, o.p, q(LATER));
    expect(p.children).toEqual([expect.objectContaining({ id: o.c, value: 5 })]);
  });

  it('an officer of the successor reads what it inherited, not more', async () => {
    const officer = actorWith('association_officer', o.b);
    expect((await rollupOrg(ctx.db, officer, o.b, q(AFTER))).total).toBe(4);
    expect((await rollupOrg(ctx.db, officer, o.b, q(BEFORE))).total).toBe(1);
    await expect(rollupOrg(ctx.db, officer, o.a, q(AFTER))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the monthly series moves with the records', async () => {
    const b = await rollupOrg(ctx.db, SYSTEM, o.b, { ...q(AFTER), byMonth: true });
    expect(b.months).toEqual([
      { month: '2024-05', value: 1 },
      { month: '2024-08', value: 1 },
      { month: '2025-03', value: 1 },
      { month: '2025-08', value: 1 }
    ]);
  });
});
