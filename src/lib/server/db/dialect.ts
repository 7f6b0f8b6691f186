/**
 * Every difference between SQLite and PostgreSQL lives in this file.
 * Business code and repositories stay dialect-neutral by calling these helpers.
 */
import { Kysely, PostgresDialect, SqliteDialect, SqliteAdapter, sql, type RawBuilder } from 'kysely';
import type { Dialect } from 'kysely';

export type DbKind = 'sqlite' | 'postgresql';

export async function makeDialect(kind: DbKind, target: string): Promise<Dialect> {
  if (kind === 'postgresql') {
    const pg = (await import('pg')).default;
    // pg returns bigint/numeric as strings and `date` as a local-midnight Date; we want
    // numbers and plain 'YYYY-MM-DD' / ISO strings, exactly what SQLite gives back.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    pg.types.setTypeParser(1082, (v) => v);
    pg.types.setTypeParser(1114, (v) => new Date(v + 'Z').toISOString());
    pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
    // A database host that stops answering (rather than refusing) would otherwise hold every
    // request waiting for a connection forever; after 5 s the request is answered 503 instead.
    const pool = new pg.Pool({ connectionString: target, max: 10, connectionTimeoutMillis: 5_000 });
    // A connection can be cut by the server (restart, admin terminate, failover). pg re-emits
    // that as an 'error' event, and one with no listener kills the whole process: the pool
    // listens on idle clients only, so a client checked out between two queries (inside a
    // transaction) took the server down with it. Every client gets a listener of its own; the
    // query on it fails instead (answered 503), and the pool drops a broken client on release.
    pool.on('connect', (client) =>
      client.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`))
    );
    pool.on('error', () => {}); // the same loss, seen by the pool on an idle client: warned above
    return new PostgresDialect({ pool });
  }
  const Database = (await import('better-sqlite3')).default;
  const fs = await import('node:fs');
  const path = await import('node:path');
  return new SqliteDialect({
    // Opened lazily so that `vite build` never creates a database file.
    database: async () => {
      if (target !== ':memory:') fs.mkdirSync(path.dirname(target), { recursive: true });
      const db = new Database(target);
      db.pragma('journal_mode = WAL');
      if (target !== ':memory:') ownerOnly(fs, target);
      // In WAL mode NORMAL stays consistent after a crash and loses at most the last commits on
      // power loss; FULL would wait for an fsync on every commit, which caps report intake.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      return reusingStatements(db);
    }
  });
}

/**
 * The database holds (encrypted) reporter identities and password hashes: readable by the
 * server's user only, like app-secret, together with its write-ahead log and shared memory.
 */
function ownerOnly(fs: typeof import('node:fs'), file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/**
 * Kysely prepares a statement for every query it runs; compiling the same SQL again on each
 * request was a tenth of a report submission's time. Statements are kept by their SQL text
 * (parameters stay bound per call; SQLite re-prepares a kept one itself after a schema change).
 * Kysely never iterates here (no streaming), so a kept statement is never busy when reused.
 */
function reusingStatements<T extends { prepare: (sql: string) => unknown }>(db: T, max = 1000): T {
  const kept = new Map<string, unknown>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    let stmt = kept.get(sql);
    if (!stmt) {
      stmt = prepare(sql);
      if (kept.size >= max) kept.delete(kept.keys().next().value!);
      kept.set(sql, stmt);
    }
    return stmt;
  }) as T['prepare'];
  return db;
}

export function kindOf(db: Kysely<any>): DbKind {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgresql';
}

/** Read a JSON column: jsonb arrives parsed from pg, text arrives as a string from SQLite. */
export function readJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * A new random id (UUID v4 text, as newId() makes) computed by the database, one per row of an
 * INSERT … SELECT whose row count only the database knows. SQLite has no UUID function: the
 * same shape is built from random bytes.
 */
export function newIdSql(db: Kysely<any>): RawBuilder<string> {
  if (kindOf(db) === 'postgresql') return sql<string>`gen_random_uuid()::text`;
  const hex = (bytes: number) => sql`lower(hex(randomblob(${sql.lit(bytes)})))`;
  return sql<string>`(${hex(4)} || '-' || ${hex(2)} || '-4' || substr(${hex(2)}, 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(${hex(2)}, 2) || '-' || ${hex(6)})`;
}

/** Vietnamese collation for ORDER BY on a folded sort key column (see shared/text.ts). */
export function collate(db: Kysely<any>, column: string): RawBuilder<unknown> {
  return kindOf(db) === 'postgresql' ? sql`${sql.ref(column)} collate "C"` : sql.ref(column);
}

/**
 * Read-check-write steps lock what they read. PostgreSQL locks the row (SELECT … FOR UPDATE);
 * SQLite has one writer per database file, so the step takes the write lock first, with a
 * write that changes nothing, and the read that follows sees the latest committed state.
 */
export async function takeWriteLock(db: Kysely<any>): Promise<void> {
  if (kindOf(db) === 'sqlite') await sql`update kysely_migration set name = name where 0`.execute(db);
}

export function forUpdate<QB extends { forUpdate(): QB }>(db: Kysely<any>, qb: QB): QB {
  return kindOf(db) === 'postgresql' ? qb.forUpdate() : qb;
}

/** The database gave up waiting for a lock (SQLite busy, PostgreSQL deadlock or serialisation). */
export function isLockContention(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === '40P01' || code === '40001');
}

/** Network failures on the way to the database server. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN'
]);
/** What pg says, without a code, when a connection dies under a query or cannot be had in time. */
const LOST =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/**
 * The database cannot be reached at the moment (stopped, restarting, network cut), as opposed
 * to a fault in the query or the data: the request can be retried later and the answer is 503.
 * PostgreSQL's connection-exception class (08) and its shutdown and starting-up codes (57P01–3)
 * count; an embedded SQLite file has no such state.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (UNREACHABLE.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
  if (e instanceof AggregateError) return e.errors.some(isDatabaseUnavailable);
  return typeof err?.message === 'string' && LOST.test(err.message);
}
