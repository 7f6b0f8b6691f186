/**
 * Report intake throughput against the same server's trivial endpoint, and page weight; printed
 * only. For SQLite (a temporary DATA_DIR) and, when TEST_DATABASE_URL is set, a temporary
 * PostgreSQL database: starts the built server with the demo seed and an Open311 API key created
 * on the same database before the server starts, then
 *  1. (SQLite only) submits one report and weighs every page of scripts/bench-pages.ts;
 *  2. autocannon, 10 s each: GET /healthz and Open311 POST /open311/v2/requests.json (a real
 *     report per request, intake limits raised), and prints intake / healthz as a ratio (goal ≥ 0.5×,
 *     ≥ 1,000/s).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import autocannon from 'autocannon';
import { openDatabase, type Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { createKey } from '$lib/server/open311/keys.service';
import { startServer, tempDataDir } from './bench-server';
import { benchPages, printPages } from './bench-pages';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * The per-client and per-commune intake limits, raised for the server under test: one bench
 * client sending thousands of reports is exactly what they refuse, and the figure would then
 * count refusals. The limits themselves still run on every request (their statements count).
 */
const UNLIMITED = {
  INTAKE_CLIENT_MAX: process.env.INTAKE_CLIENT_MAX ?? '1000000',
  INTAKE_AREA_MAX: process.env.INTAKE_AREA_MAX ?? '1000000'
};
const CONNECTIONS = 10;

/** The part of autocannon's result printed here (the package ships no types). */
interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
}
const runCannon = autocannon as unknown as (opts: Record<string, unknown>) => Promise<CannonResult>;

/** The server process's CPU time so far (user + system, ms), from /proc: 0 where there is none. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
  } catch {
    return 0;
  }
}

/**
 * Also the server's CPU time per request: on a machine shared with other work the rates swing
 * with the load, the server's own cost per request much less (the database's is not in it).
 */
async function cannon(title: string, pid: number, opts: Record<string, unknown>) {
  const before = cpuMs(pid);
  const r = await runCannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const total = r['2xx'] + r.non2xx;
  const perRequest = total ? (cpuMs(pid) - before) / total : 0;
  console.log(
    `  ${title.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  (${r['2xx']} ok, ${r.non2xx} non-2xx, ${r.errors} errors)  server CPU ${perRequest.toFixed(2)} ms/req`
  );
  return { ...r, cpuPerRequest: perRequest };
}

const intakeBody = (key: string) =>
  new URLSearchParams({
    api_key: key,
    service_code: 'do_rac',
    lat: '22.4331',
    long: '103.4012',
    description: 'Đổ rác bừa bãi cạnh suối (bench)'
  }).toString();

async function keyOn(db: Db): Promise<string> {
  const { key } = await createKey(db, { ...SYSTEM, name: 'bench' }, 'bench');
  await db.destroy();
  return key;
}

async function intake(label: string, server: { base: string; pid: number }, key: string): Promise<void> {
  const base = server.base;
  const health = await cannon(`${label}: GET /healthz (trivial endpoint)`, server.pid, { url: `${base}/healthz` });
  const post = await cannon(`${label}: POST Open311 request (new report)`, server.pid, {
    url: `${base}/open311/v2/requests.json`,
    method: 'POST',
    body: intakeBody(key),
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  });
  if (post.non2xx > 0) console.log('  warning: some submissions were refused; only reports created count below');
  // Reports created per second: a refused submission (403, 429, 400) is not intake.
  const created = post['2xx'] / DURATION;
  const ratio = created / health.requests.average;
  console.log(
    `  ${label}: intake ${created.toFixed(0)} reports/s = ${ratio.toFixed(3)}× healthz (goal ≥ 0.5× and ≥ 1,000/s)`
  );
  if (post.cpuPerRequest > 0)
    console.log(
      `  ${label}: server CPU per report ${post.cpuPerRequest.toFixed(2)} ms = ${(health.cpuPerRequest / post.cpuPerRequest).toFixed(3)}× healthz's ${health.cpuPerRequest.toFixed(2)} ms (the ratio a server bound by its own CPU would reach)`
    );
}

async function sqlite(): Promise<void> {
  const dir = tempDataDir();
  const key = await keyOn(await openDatabase('sqlite', path.join(dir, 'chung-suc.sqlite')));
  const server = await startServer({ dir, env: UNLIMITED });
  try {
    // One report, so the officer's report page has something to show.
    await fetch(`${server.base}/open311/v2/requests.json`, {
      method: 'POST',
      body: intakeBody(key),
      headers: { 'content-type': 'application/x-www-form-urlencoded' }
    });
    console.log('\n# Pages: cold load at 360 × 740, cache disabled, map tiles refused (SQLite, built server)');
    if (process.env.BENCH_PAGES === '0') console.log('  skipped (BENCH_PAGES=0)');
    else printPages(await benchPages(server.base));
    console.log('\n# Intake vs trivial endpoint (SQLite, built server, 10 connections)');
    if (process.env.BENCH_INTAKE === '0') console.log('  skipped (BENCH_INTAKE=0)');
    else await intake('sqlite', server, key);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresql(): Promise<void> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  console.log('\n# Intake vs trivial endpoint (PostgreSQL, built server, 10 connections)');
  if (!baseUrl) return console.log('  postgresql skipped (set TEST_DATABASE_URL)');
  if (process.env.BENCH_INTAKE === '0') return console.log('  skipped (BENCH_INTAKE=0)');
  const name = `cs_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    const key = await keyOn(await openDatabase('postgresql', url.toString()));
    const server = await startServer({ databaseUrl: url.toString(), env: UNLIMITED });
    try {
      await intake('postgresql', server, key);
    } finally {
      await server.stop();
    }
  } finally {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

if (!fs.existsSync('build/index.js')) console.log('\n# Pages and intake skipped: run `npm run build` first');
else {
  await sqlite();
  await postgresql();
}
