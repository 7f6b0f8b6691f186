/**
 * One test suite for both databases (as in kysely-org/kysely): `forEachDb` runs a describe
 * block on a fresh SQLite database and, when TEST_DATABASE_URL is set, on a fresh PostgreSQL
 * database created for this file and dropped afterwards.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, openDatabase, type Db } from '../../src/lib/server/db';
import type { DbKind } from '../../src/lib/server/db/dialect';

export const PG_URL = process.env.TEST_DATABASE_URL;

export const dialects: DbKind[] = PG_URL ? ['sqlite', 'postgresql'] : ['sqlite'];

export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cs_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      // Every pool of this database is destroyed before drop; a plain drop then fails loudly
      // if a test leaked a connection, instead of killing it mid-flight with (force).
      await c.query(`drop database if exists ${name}`);
      await c.end();
    }
  };
}

/** A fresh, migrated, empty database of the given kind. Call `close()` when done. */
export async function freshDb(kind: DbKind): Promise<{ db: Db; close: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const db = await openDatabase('sqlite', ':memory:');
    return { db, close: () => db.destroy() };
  }
  const { url, drop } = await createPgDatabase();
  const db = await openDatabase('postgresql', url);
  return {
    db,
    close: async () => {
      await db.destroy();
      await drop();
    }
  };
}

/**
 * describe.each over the dialects with a database opened once per describe block.
 * `ctx.db` is valid inside tests (after beforeAll).
 */
export function forEachDb(name: string, body: (ctx: { db: Db; kind: DbKind }) => void): void {
  for (const kind of dialects) {
    describe(`${name} [${kind}]`, () => {
      const ctx = { kind } as { db: Db; kind: DbKind };
      let close: () => Promise<void> = async () => {};
      beforeAll(async () => {
        const fresh = await freshDb(kind);
        ctx.db = fresh.db;
        close = fresh.close;
      });
      afterAll(() => close());
      body(ctx);
    });
  }
}

/**
 * Two independent handles on one fresh database, as two server processes would have: two
 * Kysely instances over one SQLite file, or two PostgreSQL pools. For real concurrency tests.
 */
export async function twoHandles(kind: DbKind): Promise<{ a: Db; b: Db; close: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cs-two-'));
    const file = join(dir, 'app.db');
    const a = await openDatabase('sqlite', file);
    const b = await createDb('sqlite', file);
    return {
      a,
      b,
      close: async () => {
        await Promise.all([a.destroy(), b.destroy()]);
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const { url, drop } = await createPgDatabase();
  const a = await openDatabase('postgresql', url);
  const b = await createDb('postgresql', url);
  return {
    a,
    b,
    close: async () => {
      await Promise.all([a.destroy(), b.destroy()]);
      await drop();
    }
  };
}
