/** SQL for activities, their topics and attendees, and the checks the service needs. */
import { validOn } from '$lib/server/db/predicates';
import type { Db } from '$lib/server/db';
import type { ActivityTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';

type Scope = ReturnType<typeof scopeSubquery>;

export async function insertActivity(db: Db, row: ActivityTable): Promise<void> {
  await db.insertInto('activity').values(row).execute();
}

export async function updateActivityRow(db: Db, id: string, patch: Partial<ActivityTable>): Promise<void> {
  await db.updateTable('activity').set(patch).where('id', '=', id).execute();
}

export async function deleteActivityRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('activity_material').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity_topic').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity_attendee').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity').where('id', '=', id).execute();
}

export async function findActivity(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('activity')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function findActivityLinks(db: Db, id: string) {
  const topics = await db.selectFrom('activity_topic').select('topic_id').where('activity_id', '=', id).execute();
  const attendees = await db
    .selectFrom('activity_attendee')
    .select('person_id')
    .where('activity_id', '=', id)
    .execute();
  return { topics: topics.map((t) => t.topic_id), attendees: attendees.map((a) => a.person_id) };
}

export async function setActivityLinks(db: Db, id: string, topics: string[], attendees: string[]): Promise<void> {
  await db.deleteFrom('activity_topic').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity_attendee').where('activity_id', '=', id).execute();
  if (topics.length)
    await db
      .insertInto('activity_topic')
      .values(topics.map((topic_id) => ({ activity_id: id, topic_id })))
      .execute();
  if (attendees.length)
    await db
      .insertInto('activity_attendee')
      .values(attendees.map((person_id) => ({ activity_id: id, person_id })))
      .execute();
}

export interface ActivityFilter {
  scope: Scope;
  organisationId?: string;
  kind?: string;
  from?: string;
  to?: string;
}

export async function listActivityRows(db: Db, f: ActivityFilter, limit: number, offset: number) {
  let q = db.selectFrom('activity').selectAll().where('organisation_id', 'in', f.scope);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('started_on', '>=', f.from);
  if (f.to) q = q.where('started_on', '<=', f.to);
  return q.orderBy('started_on', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}

/** Is the unit valid on `date` ([valid_from, valid_to))? */
export async function unitValidOn(db: Db, unitId: string, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('id', '=', unitId)
    .where(validOn('admin_unit', date))
    .executeTakeFirst();
  return !!row;
}

export async function countActiveCodes(db: Db, table: 'topic' | 'commitment_kind', ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).where('active', '=', 1).execute();
  return rows.length;
}

export async function countPersonsInScope(db: Db, ids: string[], scope: Scope): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .selectFrom('person')
    .select('id')
    .where('id', 'in', ids)
    .where('organisation_id', 'in', scope)
    .execute();
  return rows.length;
}

/**
 * Take the row lock, then read: a no-op UPDATE locks the row on PostgreSQL (SQLite
 * serialises writers anyway) without FOR UPDATE, which SQLite lacks. Concurrent edits of
 * one activity then compute their aggregate deltas from the row as it really was.
 */
export async function lockActivity(db: Db, id: string) {
  await db
    .updateTable('activity')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .execute();
  return db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirst();
}
