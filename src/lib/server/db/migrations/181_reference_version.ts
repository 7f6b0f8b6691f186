/**
 * A token that changes whenever intake's reference data changes (categories and their groups,
 * deadline rules, holidays, units, their links and polygons, organisations), so each server process can
 * keep that data in memory and check it with one one-row read per report instead of re-reading
 * seven tables (and the roll-ups' in-memory geography, geo-index.ts, checks one row instead of
 * counting every unit). Triggers, not the services, change it: reference rows are written by imports,
 * admin pages, seeds and tests alike, and a cache that one of them forgot to invalidate would
 * file reports under a stale commune or deadline. Unlike the aggregate rules (aggregate.repository
 * .ts), the trigger body is one statement, the same in meaning on both databases. The token is
 * random rather than a counter so a restored backup can never repeat the value a process saw.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const TABLES = [
  'category',
  'category_group',
  'deadline_rule',
  'holiday',
  'admin_unit',
  'unit_geometry',
  'organisation'
];

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  for (const t of TABLES)
    for (const op of ['insert', 'update', 'delete'])
      await sql
        .raw(
          `create trigger reference_version_${t}_${op} after ${op} on ${t} for each row begin ` +
            `update reference_version set token = lower(hex(randomblob(8))); end`
        )
        .execute(db);
}

async function pgTriggers(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function bump_reference_version() returns trigger language plpgsql as $$ begin ` +
        `update reference_version set token = md5(random()::text || clock_timestamp()::text); return null; end $$`
    )
    .execute(db);
  for (const t of TABLES)
    await sql
      .raw(
        `create trigger reference_version_${t} after insert or update or delete or truncate on ${t} ` +
          `for each statement execute function bump_reference_version()`
      )
      .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  await db.schema
    .createTable('reference_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('reference_version').values({ id: 1, token: 'initial' }).execute();
  await (pg ? pgTriggers(db) : sqliteTriggers(db));
}
