/**
 * National roll-up bench: the real 3,321-commune list of 2025 (../shared/data, read here at
 * bench time only), generated villages, branches, members and a year of activities, in a
 * temporary SQLite file. Times national and province roll-ups from the pre-aggregates against
 * the same roll-ups fed by a naive GROUP BY over the raw rows.
 * Run: node --import tsx scripts/bench-nation.ts   (BENCH_VILLAGES=n villages per commune)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { rollupOrg, rollupUnit, type RollupQuery, type Source } from '$lib/server/program/rollup/rollup.service';
import { naiveAggregates } from '../tests/support/program/naive.repository';
import { buildBenchNation, NATION } from './bench-nation-data';

const FILE = 'vietnam/units-2025-07-01_v3.0.2_34-provinces.json';

/** ../shared/data beside the checkout, or beside the folder of git worktrees. */
function dataFile(): string | null {
  const dirs = [process.env.CS_SHARED_DATA, path.resolve('../shared/data'), path.resolve('../../shared/data')].filter(
    (d): d is string => !!d
  );
  return dirs.map((d) => path.join(d, FILE)).find((f) => fs.existsSync(f)) ?? null;
}

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
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`  ${label.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms`);
  return ms;
}

async function pair(
  label: string,
  fast: () => Promise<{ total: number }>,
  slow: () => Promise<{ total: number }>,
  runs = 5
) {
  const [a, b] = [await fast(), await slow()];
  if (a.total !== b.total) throw new Error(`${label}: mismatch ${a.total} vs ${b.total}`);
  const f = await time(`${label}, pre-aggregates`, runs, fast);
  const s = await time(`${label}, naive GROUP BY on raw rows`, runs, slow);
  console.log(`  ${label}: total ${a.total}, naive / pre-aggregated ${(s / f).toFixed(1)}×`);
}

async function main() {
  const file = dataFile();
  if (!file) return console.log('  skipped: ../shared/data not found');
  const size = { ...NATION, villagesPerCommune: Number(process.env.BENCH_VILLAGES ?? NATION.villagesPerCommune) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-'));
  const db: Db = await openDatabase('sqlite', path.join(dir, 'nation.sqlite'));
  try {
    const t0 = performance.now();
    const n = await buildBenchNation(db, file, size);
    const cells = await db
      .selectFrom('agg_unit_month')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `synthetic nation built in ${((performance.now() - t0) / 1000).toFixed(1)} s: 34 provinces, ${n.communes} communes, ${n.villages} villages and branches, ` +
        `${size.members} members, ${size.activities} activities, ${size.commitments} commitments; agg_unit_month ${cells.n} cells`
    );
    const q: RollupQuery = { indicator: 'outreach_participants', from: '2025-07', to: '2026-06', asOf: '2026-07-01' };
    await pair(
      'national roll-up (34 provinces)',
      () => rollupOrg(db, SYSTEM, n.nationOrg, q),
      () => rollupOrg(db, SYSTEM, n.nationOrg, q, naive),
      3
    );
    await pair(
      'province roll-up by organisation (Hà Nội)',
      () => rollupOrg(db, SYSTEM, n.provinceOrgs[0], q),
      () => rollupOrg(db, SYSTEM, n.provinceOrgs[0], q, naive)
    );
    await pair(
      'province roll-up by geography (Hà Nội)',
      () => rollupUnit(db, SYSTEM, n.provinceUnits[0], q),
      () => rollupUnit(db, SYSTEM, n.provinceUnits[0], q, naive)
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
