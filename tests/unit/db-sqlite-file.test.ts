import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/lib/server/db';

// The deployed file database: write-ahead log, commits without waiting for an fsync each, and the
// statements Kysely prepares kept for the next request.
describe('SQLite file database', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-sqlite-file-'));
    db = await openDatabase('sqlite', path.join(dir, 'chung-suc.sqlite'));
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs in WAL mode with synchronous = NORMAL and foreign keys on', async () => {
    const one = async (q: ReturnType<typeof sql<Record<string, unknown>>>) =>
      Object.values((await q.execute(db)).rows[0]);
    expect(await one(sql`pragma journal_mode`)).toEqual(['wal']);
    expect(await one(sql`pragma synchronous`)).toEqual([1]);
    expect(await one(sql`pragma foreign_keys`)).toEqual([1]);
  });

  it('answers a kept statement with fresh parameters and after the table changes shape', async () => {
    await sql`create table perf_probe (id integer primary key, name text)`.execute(db);
    const insert = (id: number, name: string) =>
      db
        .insertInto('perf_probe' as never)
        .values({ id, name } as never)
        .execute();
    await insert(1, 'Lò Văn Khăm');
    await insert(2, 'Lường Thị Ún');
    const byId = async (id: number) =>
      (await sql<Record<string, unknown>>`select * from perf_probe where id = ${id}`.execute(db)).rows[0];
    expect(await byId(1)).toEqual({ id: 1, name: 'Lò Văn Khăm' });
    expect(await byId(2)).toEqual({ id: 2, name: 'Lường Thị Ún' });
    await sql`alter table perf_probe add column phone text`.execute(db);
    expect(await byId(2)).toEqual({ id: 2, name: 'Lường Thị Ún', phone: null });
    await sql`drop table perf_probe`.execute(db);
    await expect(byId(1)).rejects.toThrow(/no such table/);
  });
});
