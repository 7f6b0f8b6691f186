/**
 * SQL for the public side of reports (public list/map, exports, publishing flags).
 * Public reads select only public-safe columns: never the exact position, the reporter,
 * the identity table or internal notes.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';
import { containsFolded } from '$lib/server/db/predicates';

export interface ReportFilter {
  commune?: string; // admin_unit id
  category?: string; // category code
  categories?: string[]; // category codes (Open311 service_code list)
  status?: string[];
  from?: string; // ISO instant, inclusive
  to?: string; // ISO instant, exclusive
  q?: string; // already folded
  ids?: string[];
  /** Search the text the public sees (redacted when an officer redacted it). */
  publicText?: boolean;
}

function base(db: Db) {
  return db
    .selectFrom('report as r')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .innerJoin('category_group as g', 'g.id', 'c.group_id')
    .leftJoin('admin_unit as u', 'u.id', 'r.commune_unit_id')
    .leftJoin('organisation as a', 'a.id', 'r.agency_org_id');
}
type Base = ReturnType<typeof base>;

function filtered(q: Base, f: ReportFilter): Base {
  if (f.ids) q = q.where('r.id', 'in', f.ids.length ? f.ids : ['-']);
  if (f.commune) q = q.where('r.commune_unit_id', '=', f.commune);
  if (f.category) q = q.where('c.code', '=', f.category);
  if (f.categories?.length) q = q.where('c.code', 'in', f.categories);
  if (f.status?.length) q = q.where('r.status', 'in', f.status);
  if (f.from) q = q.where('r.created_at', '>=', f.from);
  if (f.to) q = q.where('r.created_at', '<', f.to);
  if (f.q && f.publicText)
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('r.public_description', 'is', null), containsFolded('r.description_search', f.q!)]),
        containsFolded('r.public_search', f.q!)
      ])
    );
  else if (f.q) q = q.where(containsFolded('r.description_search', f.q));
  return q;
}

const PUBLIC_COLUMNS = [
  'r.id',
  'r.status',
  'r.created_at',
  'r.updated_at',
  'r.observed_on',
  'r.description',
  'r.public_lat',
  'r.public_lon',
  'r.resolved_at',
  'r.closed_at',
  'c.code as category_code',
  'c.name_vi as category_vi',
  'c.name_en as category_en',
  'g.code as group_code',
  'g.name_vi as group_vi',
  'g.name_en as group_en',
  'u.id as commune_id',
  'u.name as commune_name',
  'a.name as agency_name'
] as const;

/** Published reports, newest first, with the text as published (redacted or as written). */
export async function listPublic(db: Db, f: ReportFilter, limit: number, offset = 0) {
  return filtered(base(db).where('r.is_public', '=', 1), { ...f, publicText: true })
    .select(PUBLIC_COLUMNS.filter((c) => c !== 'r.description'))
    .select((eb) => eb.fn.coalesce('r.public_description', 'r.description').as('description'))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countPublic(db: Db, f: ReportFilter): Promise<number> {
  const row = await filtered(base(db).where('r.is_public', '=', 1), { ...f, publicText: true })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type PublicRow = Awaited<ReturnType<typeof listPublic>>[number];

/** Minimal, non-identifying status of any report by id (for Open311 clients tracking their own). */
export async function listStatusOnly(db: Db, ids: string[]) {
  return base(db)
    .where('r.id', 'in', ids.length ? ids : ['-'])
    .select([
      'r.id',
      'r.status',
      'r.created_at',
      'r.updated_at',
      'r.is_public',
      'c.code as category_code',
      'c.name_vi as category_vi'
    ])
    .execute();
}

/** Reports in the actor's scope (commune association or handling agency) for exports. */
export async function listInScope(db: Db, actor: Actor, f: ReportFilter, limit: number) {
  const scope = scopeSubquery(db, actor, 'report.export');
  return filtered(base(db), f)
    .where((eb) => eb.or([eb('r.commune_org_id', 'in', scope), eb('r.agency_org_id', 'in', scope)]))
    .select([
      ...PUBLIC_COLUMNS,
      'r.channel',
      'r.urgent',
      'r.protection',
      'r.lat',
      'r.lon',
      'r.location_text',
      'r.deadline_on',
      'r.outcome_kind',
      'r.is_public'
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

export type ScopedRow = Awaited<ReturnType<typeof listInScope>>[number];

/** Photos approved for the public, of published reports only. */
export async function listPublicPhotos(db: Db, reportIds: string[]) {
  if (!reportIds.length) return [];
  return db
    .selectFrom('attachment as t')
    .innerJoin('report as r', 'r.id', 't.report_id')
    .select(['t.id', 't.report_id', 't.mime'])
    .where('t.report_id', 'in', reportIds)
    .where('t.kind', '=', 'photo')
    .where('t.approved_public', '=', 1)
    .where('t.public_path', 'is not', null)
    .where('r.is_public', '=', 1)
    .execute();
}

export async function findPublicPhoto(db: Db, attachmentId: string) {
  return db
    .selectFrom('attachment as t')
    .innerJoin('report as r', 'r.id', 't.report_id')
    .select(['t.id', 't.public_path'])
    .where('t.id', '=', attachmentId)
    .where('t.kind', '=', 'photo')
    .where('t.approved_public', '=', 1)
    .where('r.is_public', '=', 1)
    .executeTakeFirst();
}

export async function findReportForPublishing(db: Db, id: string) {
  return db
    .selectFrom('report')
    .select([
      'id',
      'commune_org_id',
      'agency_org_id',
      'is_public',
      'lat',
      'lon',
      'commune_unit_id',
      'description',
      'public_description',
      'public_lat',
      'public_lon',
      'category_id',
      'status',
      'observed_on'
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updatePublicText(db: Db, id: string, text: string | null, search: string | null, now: string) {
  await db
    .updateTable('report')
    .set({ public_description: text, public_search: search, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function updatePublic(
  db: Db,
  id: string,
  flag: number,
  lat: number | null,
  lon: number | null,
  now: string
): Promise<void> {
  await db
    .updateTable('report')
    .set({ is_public: flag, public_lat: lat, public_lon: lon, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function findAttachment(db: Db, id: string) {
  return db
    .selectFrom('attachment')
    .select(['id', 'report_id', 'kind', 'approved_public'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateAttachmentPublic(db: Db, id: string, flag: number): Promise<void> {
  await db.updateTable('attachment').set({ approved_public: flag }).where('id', '=', id).execute();
}

export async function communeCentre(db: Db, unitId: string) {
  return db.selectFrom('admin_unit').select(['centre_lat', 'centre_lon']).where('id', '=', unitId).executeTakeFirst();
}

/** Current communes, for the filter and the map. */
export async function currentCommunes(db: Db) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.name', 'u.sort_key', 'u.centre_lat', 'u.centre_lon'])
    .where('u.level', '=', 'commune')
    .where('u.valid_to', 'is', null)
    .orderBy(collate(db, 'u.sort_key'))
    .execute();
}

export async function communeGeometries(db: Db, unitIds: string[]) {
  if (!unitIds.length) return [];
  return db.selectFrom('unit_geometry').select(['unit_id', 'geojson']).where('unit_id', 'in', unitIds).execute();
}

export async function listCategories(db: Db) {
  return db
    .selectFrom('category as c')
    .innerJoin('category_group as g', 'g.id', 'c.group_id')
    .select(['c.code', 'c.name_vi', 'c.name_en'])
    .where('c.active', '=', 1)
    .orderBy('g.sort_order')
    .orderBy('c.sort_order')
    .execute();
}

export async function listReportPhotos(db: Db, reportId: string) {
  return db
    .selectFrom('attachment')
    .select(['id', 'approved_public', 'created_at'])
    .where('report_id', '=', reportId)
    .where('kind', '=', 'photo')
    .orderBy('created_at')
    .execute();
}
