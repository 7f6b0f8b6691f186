/**
 * The server process's database, opened and migrated once. Only hooks and the CLI call this;
 * services receive `db` as an argument.
 */
import { config } from '$lib/server/config';
import { openDatabase, type Db } from './index';

let pending: Promise<Db> | null = null;

export function getDb(): Promise<Db> {
  // A failed first open (the database was down) is not kept: the next request tries again.
  pending ??= openDatabase(
    config.dbKind,
    config.dbKind === 'postgresql' ? config.DATABASE_URL! : config.sqlitePath
  ).catch((e) => {
    pending = null;
    throw e;
  });
  return pending;
}
