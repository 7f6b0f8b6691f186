/** SQL for one-time form keys (table idempotency_key, shared with the foundation). */
import type { Db } from '$lib/server/db';
import { nowIso } from '$lib/server/db/ids';

export async function claimKey(db: Db, key: string, pending: string): Promise<void> {
  await db
    .insertInto('idempotency_key')
    .values({ key, entity_type: pending, entity_id: '', created_at: nowIso() })
    .execute();
}

export async function findKey(db: Db, key: string) {
  return db
    .selectFrom('idempotency_key')
    .select(['entity_type', 'entity_id'])
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function pointKey(db: Db, key: string, entity: string, id: string): Promise<void> {
  await db.updateTable('idempotency_key').set({ entity_type: entity, entity_id: id }).where('key', '=', key).execute();
}

export async function releaseKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('idempotency_key').where('key', '=', key).execute();
}
