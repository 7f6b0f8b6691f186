/**
 * Program dashboard: queries per view and view time, one roll-up per indicator (as before
 * rollupOrgMany) against the batched view, on the demo seed in SQLite and, when
 * TEST_DATABASE_URL is set, PostgreSQL. Printed only. Run: node --import tsx scripts/bench-dashboard.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { seedDemo } from '$lib/server/seed/demo';
import { rollupOrg } from '$lib/server/program/rollup/rollup.service';
import { loadDashboard } from '$lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '$lib/server/program/dashboard/dashboard.query';
import { countQueries } from '../tests/support/query-count';

const RUNS = 20;

async function measure(label: string, db: Db): Promise<void> {
  await seedDemo(db);
  const province = await db
    .selectFrom('organisation')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const q = parseDashboardQuery(new URLSearchParams(`org=${province.id}&from=2026-01&to=2026-12`), '2026-11-29').query;
  const codes = (
    await db.selectFrom('indicator').select('code').where('source', '=', 'computed').where('active', '=', 1).execute()
  ).map((r) => r.code);
  // the dashboard's former loop: one full roll-up per indicator, one after the other
  const perIndicator = async (d: Db) => {
    for (const indicator of codes)
      await rollupOrg(d, SYSTEM, province.id, { indicator, from: q.from, to: q.to, byMonth: true });
  };
  const time = async (fn: () => Promise<unknown>) => {
    await fn();
    const t0 = performance.now();
    for (let i = 0; i < RUNS; i++) await fn();
    return (performance.now() - t0) / RUNS;
  };
  // The first view of a process also loads the geography, kept for every later view.
  const first = await countQueries(db, (d) => loadDashboard(d, SYSTEM, q));
  const view = await countQueries(db, (d) => loadDashboard(d, SYSTEM, q));
  const before = await countQueries(db, perIndicator);
  const viewMs = await time(() => loadDashboard(db, SYSTEM, q));
  const beforeMs = await time(() => perIndicator(db));
  console.log(
    `  ${label.padEnd(10)} ${codes.length} indicators: before: the roll-ups alone, one per indicator, ${before.queries} queries ${beforeMs.toFixed(1)} ms; now: the whole view (roll-ups batched, map, overdue) ${view.queries} queries (${first.queries} for the first view) ${viewMs.toFixed(1)} ms`
  );
}

async function main() {
  console.log('\n# Program dashboard: queries and time per view (demo seed, province)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-dash-'));
  const sqlite = await openDatabase('sqlite', path.join(dir, 'dash.sqlite'));
  try {
    await measure('sqlite', sqlite);
  } finally {
    await sqlite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return console.log('  postgresql skipped (set TEST_DATABASE_URL)');
  const name = `cs_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase('postgresql', url.toString());
  try {
    await measure('postgresql', db);
  } finally {
    await db.destroy();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

await main();
