import type { Db } from './index';
import { undoFilesOnFailure } from './owned-files';

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one: a service that
 * writes several rows can then be part of a bigger all-or-nothing step (a record, its photos
 * and the form's one-time key) without opening a nested transaction, which Kysely refuses.
 * Files written inside (see owned-files.ts) are deleted if the outermost transaction fails;
 * inside a caller's transaction they are the caller's, since only its outcome decides.
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : undoFilesOnFailure(() => db.transaction().execute(fn));
}
