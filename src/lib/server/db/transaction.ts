import type { Db } from './index';

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one: a service that
 * writes several rows can then be part of a bigger all-or-nothing step (a record, its photos
 * and the form's one-time key) without opening a nested transaction, which Kysely refuses.
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
