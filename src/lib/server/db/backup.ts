/**
 * Copying a whole database out and back in, per dialect. SQLite uses its online backup API
 * (a consistent copy while the server keeps writing); PostgreSQL uses pg_dump / pg_restore
 * from the same or a newer major version than the server. A digest of every table (row count
 * and a hash of its content) is taken from the same snapshot the copy is made from, so a
 * restore can prove it brought back exactly what was saved.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { createDb } from './index';
import type { DbKind } from './dialect';

const run = promisify(execFile);

export interface TableDigest {
  rows: number;
  sha256: string;
}
export type DatabaseDigest = Record<string, TableDigest>;

/** Order-independent: every row as canonical JSON, hashed, sorted, hashed again. */
function digestRows(rows: Record<string, unknown>[]): TableDigest {
  const hashes = rows
    .map((r) => {
      const keys = Object.keys(r).sort();
      return createHash('sha256')
        .update(JSON.stringify(keys.map((k) => [k, r[k]])))
        .digest('hex');
    })
    .sort();
  const all = createHash('sha256');
  for (const h of hashes) all.update(h);
  return { rows: rows.length, sha256: all.digest('hex') };
}

/** Every table, the migrator's own included. */
export async function digestDatabase(db: Kysely<any>): Promise<DatabaseDigest> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const out: DatabaseDigest = {};
  for (const t of tables.filter((t) => !t.isView).sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = await db.selectFrom(t.name).selectAll().execute();
    out[t.name] = digestRows(rows as Record<string, unknown>[]);
  }
  return out;
}

/** True when the database holds no table at all (a file that does not exist yet counts as empty). */
export async function isEmptyDatabase(kind: DbKind, target: string): Promise<boolean> {
  if (kind === 'sqlite' && !existsSync(target)) return true;
  const db = await createDb(kind, target);
  try {
    return (await db.introspection.getTables({ withInternalKyselyTables: true })).length === 0;
  } finally {
    await db.destroy();
  }
}

/** SQLite: online backup into `file`, then the copy leaves WAL mode so it is one self-contained file. */
export async function backupSqlite(source: string, file: string): Promise<DatabaseDigest> {
  const Database = (await import('better-sqlite3')).default;
  const live = new Database(source, { fileMustExist: true });
  try {
    await live.backup(file);
  } finally {
    live.close();
  }
  const copy = new Database(file);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  return digestSqliteFile(file);
}

/** Read through a plain connection: the app's own would switch the file back to WAL mode. */
export async function digestSqliteFile(file: string): Promise<DatabaseDigest> {
  const Database = (await import('better-sqlite3')).default;
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(file, { fileMustExist: true }) }) });
  try {
    return await digestDatabase(db);
  } finally {
    await db.destroy();
  }
}

/** SQLite restore: the copy replaces the target file (and any WAL left beside it). */
export async function restoreSqlite(file: string, target: string): Promise<void> {
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.restoring`;
  copyFileSync(file, temp);
  for (const side of ['-wal', '-shm', '-journal']) rmSync(target + side, { force: true });
  renameSync(temp, target);
}

async function toolMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  let stdout: string;
  try {
    ({ stdout } = await run(tool, ['--version']));
  } catch {
    throw new Error(`${tool} not found: install the PostgreSQL client tools (postgresql-client)`);
  }
  const m = /(\d+)(?:\.\d+)?/.exec(stdout);
  if (!m) throw new Error(`cannot read the version of ${tool}: ${stdout.trim()}`);
  return Number(m[1]);
}

async function serverMajor(db: Kysely<any>): Promise<number> {
  const r = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Math.floor(Number(r.rows[0].v) / 10000);
}

/**
 * PostgreSQL: pg_dump (custom format) of an exported snapshot, digested inside the same
 * repeatable-read transaction, so the digest describes exactly what the dump holds even while
 * the server keeps writing. Returns the digest and pg_dump's major version.
 */
export async function backupPostgres(url: string, file: string): Promise<{ digest: DatabaseDigest; tool: number }> {
  const tool = await toolMajor('pg_dump');
  const db = await createDb('postgresql', url);
  try {
    const server = await serverMajor(db);
    if (tool < server)
      throw new Error(
        `pg_dump ${tool} is older than the PostgreSQL ${server} server: install postgresql-client-${server}`
      );
    const digest = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const snap = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
        await run('pg_dump', [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--snapshot=${snap.rows[0].id}`,
          `--file=${file}`,
          `--dbname=${url}`
        ]);
        return digestDatabase(trx);
      });
    return { digest, tool };
  } finally {
    await db.destroy();
  }
}

/** PostgreSQL restore in one transaction; `replace` first empties the public schema. */
export async function restorePostgres(file: string, url: string, dumpedBy: number, replace: boolean): Promise<void> {
  const tool = await toolMajor('pg_restore');
  if (tool < dumpedBy) throw new Error(`pg_restore ${tool} cannot read a dump made by pg_dump ${dumpedBy}`);
  if (replace) {
    const db = await createDb('postgresql', url);
    try {
      await sql`drop schema if exists public cascade`.execute(db);
      await sql`create schema public`.execute(db);
    } finally {
      await db.destroy();
    }
  }
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${url}`,
    file
  ]);
}

/** Digest of a database given by kind and target, opened just for this. */
export async function digestOf(kind: DbKind, target: string): Promise<DatabaseDigest> {
  if (kind === 'sqlite') return digestSqliteFile(target);
  const db = await createDb('postgresql', target);
  try {
    return await digestDatabase(db);
  } finally {
    await db.destroy();
  }
}
