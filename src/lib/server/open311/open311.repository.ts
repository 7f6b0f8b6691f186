/** SQL for Open311: API keys, service list, public update notes, and media links on new reports. */
import { validOn } from '$lib/server/db/predicates';
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Open311ApiKeyTable, ReportEventTable } from '$lib/server/db/schema';

export async function insertKey(db: Db, row: Insertable<Open311ApiKeyTable>): Promise<void> {
  await db.insertInto('open311_api_key').values(row).execute();
}

export async function listKeys(db: Db) {
  return db
    .selectFrom('open311_api_key')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findLiveKey(db: Db, hash: string) {
  return db
    .selectFrom('open311_api_key')
    .select(['id', 'name', 'last_used_at'])
    .where('key_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function findLiveKeyById(db: Db, id: string) {
  return db
    .selectFrom('open311_api_key')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchKey(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('open311_api_key').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeKey(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('open311_api_key').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function listServices(db: Db) {
  return db
    .selectFrom('category as c')
    .innerJoin('category_group as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.code', 'c.name_vi', 'c.name_en', 'c.legal_basis', 'c.urgent', 'g.name_vi as group_vi'])
    .where('c.active', '=', 1)
    .where('g.active', '=', 1)
    .orderBy('g.sort_order')
    .orderBy('c.sort_order')
    .execute();
}

/**
 * Status changes the reporter may read, for the public API. Of the offices' words only the
 * resolution travels (its outcome is the public answer): questions to the reporter and
 * rejection reasons were written for the reporter, and the API answers anyone.
 */
export async function listPublicStatusEvents(db: Db, reportIds: string[]) {
  if (!reportIds.length) return [];
  return db
    .selectFrom('report_event')
    .select(['report_id', 'to_status', 'created_at'])
    .select((eb) =>
      eb
        .case()
        .when(eb.and([eb('to_status', '=', 'resolved'), eb('actor_org_id', 'is not', null)]))
        .then(eb.ref('data'))
        .else(null)
        .end()
        .as('resolution')
    )
    .where('report_id', 'in', reportIds)
    .where('kind', '=', 'status')
    .where('visible_to_reporter', '=', 1)
    .orderBy('created_at')
    .execute();
}

/** Communes as they are on `date`, for placing an address string that names one. */
export async function communeNames(db: Db, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'name'])
    .where('level', '=', 'commune')
    .where(validOn('admin_unit', date))
    .execute();
}

/** A link a client sent with its report (never fetched), as an event for officers. */
export async function insertEvent(db: Db, row: Insertable<ReportEventTable>): Promise<void> {
  await db.insertInto('report_event').values(row).execute();
}
