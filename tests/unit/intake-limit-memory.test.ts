/**
 * The intake limit counted in memory between writes to the database: a client far from its
 * allowance (an Open311 server posting for many people) costs no statement on most requests,
 * the database still receives every attempt within WRITE_THROUGH_MS, and near the limit every
 * attempt is counted there, so the allowance is exact and another instance's attempts count.
 */
import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { countQueries } from '../support/query-count';
import { admit, WRITE_THROUGH_MS } from '../../src/lib/server/auth/rate-limit.service';
import type { Db } from '../../src/lib/server/db';

const stored = async (db: Db, key: string) =>
  Number((await db.selectFrom('rate_limit').select('count').where('key', '=', key).executeTakeFirst())?.count ?? 0);

forEachDb('intake limit in memory', (ctx) => {
  it('counts a client far from its limit in memory, and writes the count through a second later', async () => {
    const key = 'mem:far';
    const t = Date.now();
    expect((await admit(ctx.db, [{ key, max: 1000 }], 60, t)).ok).toBe(true);
    const { queries } = await countQueries(ctx.db, async (db) => {
      for (let i = 1; i < 50; i++) expect((await admit(db, [{ key, max: 1000 }], 60, t + i)).ok).toBe(true);
    });
    expect(queries).toBe(0);
    expect(await stored(ctx.db, key)).toBe(1);
    await admit(ctx.db, [{ key, max: 1000 }], 60, t + WRITE_THROUGH_MS);
    expect(await stored(ctx.db, key)).toBe(51);
  });

  it('near the limit counts every attempt in the database: exactly max pass, in parallel too', async () => {
    const key = 'mem:near';
    const max = 40;
    const t = Date.now();
    const serial = [];
    for (let i = 0; i < 25; i++) serial.push(await admit(ctx.db, [{ key, max }], 60, t));
    const parallel = await Promise.all(Array.from({ length: 25 }, () => admit(ctx.db, [{ key, max }], 60, t)));
    const all = [...serial, ...parallel];
    expect(all.filter((r) => r.ok)).toHaveLength(max);
    expect(all.at(-1)).toEqual({ ok: false, minutes: 60 });
    expect(await stored(ctx.db, key)).toBe(50);
  });

  it("sees another instance's attempts at its next write, and a window ended in the database", async () => {
    const key = 'mem:shared';
    const t = Date.now();
    await admit(ctx.db, [{ key, max: 10 }], 60, t);
    // another app instance on the same database fills the window
    await ctx.db.updateTable('rate_limit').set({ count: 10 }).where('key', '=', key).execute();
    // within the second this instance counts in memory (far from the limit as far as it knows)…
    expect((await admit(ctx.db, [{ key, max: 10 }], 60, t + 1)).ok).toBe(true);
    // …then writes through, sees the full window and holds the client
    expect(await admit(ctx.db, [{ key, max: 10 }], 60, t + WRITE_THROUGH_MS)).toEqual({ ok: false, minutes: 60 });
    expect(await stored(ctx.db, key)).toBe(12);
    await ctx.db
      .updateTable('rate_limit')
      .set({ reset_at: new Date(t - 1000).toISOString() })
      .where('key', '=', key)
      .execute();
    expect((await admit(ctx.db, [{ key, max: 10 }], 60, t + WRITE_THROUGH_MS + 1)).ok).toBe(true);
    expect(await stored(ctx.db, key)).toBe(1);
  });
});
