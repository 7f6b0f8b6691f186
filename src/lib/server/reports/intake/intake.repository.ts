/** SQL for report intake and follow-up by receipt. */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import { validOn } from '$lib/server/db/predicates';
import type { AttachmentTable, ReportEventTable, ReportIdentityTable, ReportTable } from '$lib/server/db/schema';

export async function findReportByKey(db: Db, key: string) {
  return db.selectFrom('report').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function findReportByReceiptHash(db: Db, hash: string) {
  return db.selectFrom('report').selectAll().where('receipt_hash', '=', hash).executeTakeFirst();
}

export async function findReport(db: Db, id: string) {
  return db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertReport(db: Db, row: Insertable<ReportTable>) {
  await db.insertInto('report').values(row).execute();
}

export async function insertIdentity(db: Db, row: Insertable<ReportIdentityTable>) {
  await db.insertInto('report_identity').values(row).execute();
}

export async function insertEvent(db: Db, row: Insertable<ReportEventTable>) {
  await db.insertInto('report_event').values(row).execute();
}

export async function insertAttachment(db: Db, row: Insertable<AttachmentTable>) {
  await db.insertInto('attachment').values(row).execute();
}

export async function findAttachment(db: Db, id: string) {
  return db
    .selectFrom('attachment as a')
    .innerJoin('report as r', 'r.id', 'a.report_id')
    .select([
      'a.id',
      'a.report_id',
      'a.kind',
      'a.mime',
      'a.private_path',
      'a.public_path',
      'a.approved_public',
      'r.is_public',
      'r.commune_org_id',
      'r.agency_org_id'
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** The commune (or village) unit as it is on `date`. */
export async function findUnitOn(db: Db, id: string, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'level', 'name', 'full_name', 'parent_id'])
    .where('id', '=', id)
    .where(validOn('admin_unit', date))
    .executeTakeFirst();
}

export async function listCommunesOn(db: Db, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name', 'sort_key', 'centre_lat', 'centre_lon'])
    .where('level', '=', 'commune')
    .where(validOn('admin_unit', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** The villages of one commune (a province can have tens of thousands: never list them all). */
export async function listVillagesOfCommuneOn(db: Db, communeId: string, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'full_name', 'parent_id'])
    .where('level', '=', 'village')
    .where('parent_id', '=', communeId)
    .where(validOn('admin_unit', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Commune polygons valid on `date` (for the map; empty while none are imported). */
export async function listCommuneGeometries(db: Db, date: string) {
  return db
    .selectFrom('unit_geometry as g')
    .innerJoin('admin_unit as u', 'u.id', 'g.unit_id')
    .select(['u.id', 'u.full_name', 'g.geojson'])
    .where('u.level', '=', 'commune')
    .where(validOn('u', date))
    .execute();
}

export async function findPersonOrg(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'organisation_id', 'full_name'])
    .where('id', '=', personId)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
}

/** Members of organisations in `orgIds` (a subquery of the actor's scope), by name. */
export async function listMembersIn(db: Db, orgIds: any, limit = 500) {
  return db
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('organisation_id', 'in', orgIds)
    .where('anonymised_at', 'is', null)
    .orderBy(collate(db, 'sort_key'))
    .limit(limit)
    .execute();
}

export async function findCategoryForIntake(db: Db, id: string) {
  return db
    .selectFrom('category')
    .select(['id', 'urgent', 'active', 'name_vi'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listReporterEvents(db: Db, reportId: string) {
  return db
    .selectFrom('report_event')
    .select(['id', 'kind', 'from_status', 'to_status', 'body', 'data', 'created_at', 'actor_account_id'])
    .where('report_id', '=', reportId)
    .where('visible_to_reporter', '=', 1)
    .orderBy('created_at')
    .execute();
}

export async function listReportAttachments(db: Db, reportId: string) {
  return db
    .selectFrom('attachment')
    .select(['id', 'kind', 'mime', 'bytes', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute();
}
