/**
 * `npm run bench`: performance figures, printed — never asserted in tests.
 *  1. nationwide import: the 3,321-commune 2025 list (and the 63-province pre-2025 list) into an
 *     empty SQLite file and, when TEST_DATABASE_URL is set, an empty PostgreSQL database;
 *  2. roll-ups on a synthetic province (scripts/bench-rollup.ts);
 *  3. national and province roll-ups on a synthetic nation built on the real 2025 commune list
 *     (scripts/bench-nation.ts; BENCH_VILLAGES=n villages per commune, default 18 ≈ 60,000);
 *  4. program dashboard queries and time per view (scripts/bench-dashboard.ts);
 *  5. on the built server (scripts/bench-reports.ts): cold-load bytes and requests per page with a
 *     budget verdict (`--check` exits non-zero when a page is over), and Open311 intake rate
 *     against /healthz on SQLite and PostgreSQL.
 *  6. the report form on a phone: its length in screens and a 2 MB photo's upload time at 400 kbps,
 *     with and without JavaScript (scripts/bench-report-form.ts).
 * Needs ../shared/data beside the repository for part 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { importUnitsFile } from '$lib/server/geo/import/files';

// ../shared beside the checkout, or beside the folder of git worktrees (as in bench-nation.ts)
const DATA =
  [path.resolve('../shared/data/vietnam'), path.resolve('../../shared/data/vietnam')].find((d) => fs.existsSync(d)) ??
  path.resolve('../shared/data/vietnam');
const FILES = [
  ['pre-2025, 63 provinces', 'units-pre-2025_v2.4.1_63-provinces.json', '2004-01-01', '2025-07-01'],
  ['2025-07-01, 34 provinces / 3,321 communes', 'units-2025-07-01_v3.0.2_34-provinces.json', '2025-07-01', null]
] as const;

async function importAll(label: string, db: Db): Promise<void> {
  for (const [name, file, validFrom, validTo] of FILES) {
    const t0 = performance.now();
    const stats = await importUnitsFile(db, SYSTEM, path.join(DATA, file), { validFrom, validTo });
    const ms = performance.now() - t0;
    console.log(
      `  ${label.padEnd(10)} ${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (${stats.created} units created)`
    );
  }
}

async function withPg(fn: (url: string) => Promise<void>): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return console.log('  postgresql skipped (set TEST_DATABASE_URL)');
  const name = `cs_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function benchImport(): Promise<void> {
  console.log('\n# Nationwide unit import (one transaction per file)');
  if (!fs.existsSync(DATA)) return console.log('  skipped: ../shared/data not found');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-'));
  const sqlite = await openDatabase('sqlite', path.join(dir, 'import.sqlite'));
  await importAll('sqlite', sqlite);
  await sqlite.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  await withPg(async (url) => {
    const db = await openDatabase('postgresql', url);
    await importAll('postgresql', db);
    await db.destroy();
  });
}

await benchImport();
console.log('\n# Roll-ups on a synthetic province');
const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-rollup.ts'], { stdio: 'inherit' });
console.log('\n# Roll-ups on a synthetic nation (real 2025 list: 34 provinces, 3,321 communes)');
const nation = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-nation.ts'], { stdio: 'inherit' });
const dashboard = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-dashboard.ts'], { stdio: 'inherit' });
// `npm run bench -- --check`: non-zero exit when a page is over its weight budget.
const reports = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-reports.ts', ...process.argv.slice(2)], {
  stdio: 'inherit'
});
/** The province's 5-year tổng kết as a Decree-30 .docx (goal ≤ 2 s). */
function benchTongKet() {
  console.log('\n# Documents: a province 5-year tổng kết');
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-tongket.ts'], { stdio: 'inherit' });
}
const tongket = benchTongKet();
const form = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-report-form.ts'], { stdio: 'inherit' });
process.exit(r.status || nation.status || dashboard.status || reports.status || tongket.status || form.status || 0);
