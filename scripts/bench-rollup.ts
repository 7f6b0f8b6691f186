/**
 * Roll-up bench: builds the synthetic province (bench-data.ts) in a temporary SQLite file and
 * times province and commune roll-ups "as of 2026" from the pre-aggregates against the same
 * roll-up fed by a naive GROUP BY over the raw rows. Run: node --import tsx scripts/bench-rollup.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { buildBenchProvince } from '../tests/support/program/bench-data';
import { rollupUnit, type RollupQuery, type Source } from '$lib/server/program/rollup/rollup.service';
import { naiveAggregates } from '../tests/support/program/naive.repository';
import { allAggregates } from '$lib/server/program/rollup/aggregate.repository';

/** The naive source: GROUP BY over activity/commitment/model, regrouped per org and unit. */
const naive: Source = async (db, f) => {
  const rows = await naiveAggregates(db, { codes: [f.indicator], from: f.from, to: f.to, orgs: f.orgs });
  return rows.map((r) => ({
    organisation_id: r.organisation_id,
    admin_unit_id: r.admin_unit_id,
    month: f.byMonth ? r.month : null,
    value: r.value
  }));
};

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up (loads the geography index once)
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms`);
  return ms;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-'));
  const db: Db = await openDatabase('sqlite', path.join(dir, 'bench.sqlite'));
  try {
    let t0 = performance.now();
    const p = await buildBenchProvince(db);
    console.log(
      `synthetic province built in ${((performance.now() - t0) / 1000).toFixed(1)} s (38 communes, 800 villages, 50,000 members, 20,000 activities, 5,000 commitments)`
    );
    t0 = performance.now();
    const cells = (await allAggregates(db)).length;
    console.log(`agg_unit_month: ${cells} cells`);
    const q: RollupQuery = { indicator: 'outreach_participants', from: '2024-01', to: '2025-12', asOf: '2026-01-01' };
    const check = [
      await rollupUnit(db, SYSTEM, p.provinceUnit, q),
      await rollupUnit(db, SYSTEM, p.provinceUnit, q, naive)
    ];
    if (check[0].total !== check[1].total) throw new Error(`mismatch: ${check[0].total} vs ${check[1].total}`);
    console.log(`province total ${check[0].total} over ${check[0].children.length} communes (both ways)`);
    const fast = await time('province roll-up, pre-aggregates', 20, () => rollupUnit(db, SYSTEM, p.provinceUnit, q));
    const slow = await time('province roll-up, naive GROUP BY on raw rows', 20, () =>
      rollupUnit(db, SYSTEM, p.provinceUnit, q, naive)
    );
    const c = p.newCommunes[0];
    const cf = await time('commune roll-up, pre-aggregates', 20, () => rollupUnit(db, SYSTEM, c, q));
    const cs = await time('commune roll-up, naive GROUP BY on raw rows', 20, () => rollupUnit(db, SYSTEM, c, q, naive));
    console.log(
      `ratio naive / pre-aggregated: province ${(slow / fast).toFixed(1)}×, commune ${(cs / cf).toFixed(1)}×`
    );
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
