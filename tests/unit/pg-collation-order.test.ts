/**
 * Vietnamese order does not depend on the PostgreSQL server's collation. Sort keys are folded
 * ASCII with spaces and punctuation (shared/text.ts) meant to compare byte by byte, as SQLite
 * does; a database created with an ICU or glibc locale (en-US, a common default) ignores the
 * spaces and punctuation and puts "Bum Nưa" before "Bản Bo". The public commune lists and the
 * report form's pickers must come out in the same order on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { PG_URL, freshDb } from '../support/db';
import { HAS_LAI_CHAU, loadLaiChau } from '../support/lai-chau-geo';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { communesOn, provincesOn } from '../../src/lib/server/public/public-place.repository';

const DAY = '2026-01-15';
/** Byte order of the sort keys: what SQLite's default BINARY collation gives. */
const byteOrder = (a: { sort_key: string }, b: { sort_key: string }) =>
  a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0;

async function communeNames(db: Db): Promise<string[]> {
  const provinces = await provincesOn(db, DAY);
  return (
    await communesOn(
      db,
      provinces.map((p) => p.id),
      DAY
    )
  ).map((c) => c.name);
}

async function expectedNames(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('admin_unit')
    .select(['name', 'sort_key'])
    .where('level', '=', 'commune')
    .where('valid_from', '<=', DAY)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', DAY)]))
    .execute();
  return rows.sort(byteOrder).map((r) => r.name);
}

describe.skipIf(!HAS_LAI_CHAU)('commune order on SQLite', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await freshDb('sqlite'));
    await loadLaiChau(db);
  });
  afterAll(() => close());
  it('follows the sort key byte by byte', async () => {
    const names = await communeNames(db);
    expect(names.length).toBe(38);
    expect(names).toEqual(await expectedNames(db));
  });
});

describe.skipIf(!PG_URL || !HAS_LAI_CHAU)('commune order on PostgreSQL with an en-US ICU default collation', () => {
  const name = `cs_test_icu_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let db: Db;
  const admin = () => new pg.Client({ connectionString: PG_URL });
  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`create database ${name} template template0 locale_provider icu icu_locale 'en-US' locale 'C.UTF-8'`);
    await c.end();
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    db = await openDatabase('postgresql', url.toString());
    await loadLaiChau(db);
  });
  afterAll(async () => {
    await db?.destroy();
    const c = admin();
    await c.connect();
    await c.query(`drop database if exists ${name}`);
    await c.end();
  });
  it('is the same as on SQLite, not the server locale', async () => {
    const names = await communeNames(db);
    expect(names.length).toBe(38);
    expect(names).toEqual(await expectedNames(db));
    // The case the locale gets wrong: "Bản Bo" (BAN BO) before "Bum Nưa" (BUM NUA).
    expect(names.indexOf('Bản Bo')).toBeLessThan(names.indexOf('Bum Nưa'));
  });
});
