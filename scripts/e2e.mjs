#!/usr/bin/env node
/**
 * Runs the browser suite on fresh databases: a new SQLite file, and — when TEST_DATABASE_URL
 * is set — a PostgreSQL database `cs_e2e` dropped and recreated for this run.
 * Extra arguments go to `playwright test`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import pg from 'pg';

const sqlitePath = 'test-results/e2e.sqlite';
mkdirSync('test-results', { recursive: true });
// One file per SQLite project (with and without JavaScript), as playwright.config.ts names them.
for (const file of [sqlitePath, sqlitePath.replace(/\.sqlite$/, '-nojs.sqlite')])
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });

const env = { ...process.env, E2E_SQLITE_PATH: sqlitePath };
const base = process.env.TEST_DATABASE_URL;
// E2E_PG_DB keeps side-by-side checkouts off each other's database.
const pgName = process.env.E2E_PG_DB ?? 'cs_e2e';
if (base) {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${pgName} with (force)`);
  await admin.query(`create database ${pgName}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${pgName}`;
  env.E2E_DATABASE_URL = url.toString();
}
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
