/** SQL for one-time form keys (table idempotency_key, shared with the foundation). */
import type { Db } from '$lib/server/db';
import { nowIso } from '$lib/server/db/ids';

/** Inserts the key (primary key: a second insert of it waits for, then fails on, the first). */
export async function claimKey(db: Db, key: string, entity: string): Promise<void> {
  await db
    .insertInto('idempotency_key')
    .values({ key, entity_type: entity, entity_id: '', created_at: nowIso() })
    .execute();
}

export async function findKey(db: Db, key: string) {
  return db
    .selectFrom('idempotency_key')
    .select(['entity_type', 'entity_id'])
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function pointKey(db: Db, key: string, id: string): Promise<void> {
  await db.updateTable('idempotency_key').set({ entity_id: id }).where('key', '=', key).execute();
}
