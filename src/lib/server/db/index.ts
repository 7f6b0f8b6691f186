import { Kysely, type Transaction } from 'kysely';
import { makeDialect, type DbKind } from './dialect';
import { migrateToLatest } from './migrate';
import type { DB } from './schema';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type { DB };

export async function createDb(kind: DbKind, target: string): Promise<Db> {
  return new Kysely<DB>({ dialect: await makeDialect(kind, target) });
}

export async function openDatabase(kind: DbKind, target: string): Promise<Db> {
  const db = await createDb(kind, target);
  await migrateToLatest(db);
  return db;
}
