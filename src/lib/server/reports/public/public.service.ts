/**
 * The public map and list, and the officer actions that feed them. Public reads need no
 * actor: they only ever see published reports through public-safe columns (rounded location,
 * no reporter, no identity). Publishing is scoped to the report's commune association.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, requireAction } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { notFound } from '$lib/server/errors';
import { nowIso } from '$lib/server/db/ids';
import { validate } from '$lib/server/forms';
import { parseDate } from '$lib/shared/format';
import { fold } from '$lib/shared/text';
import { roundToGrid } from '$lib/shared/reports/geo';
import * as repo from './public.repository';
import { reportQuerySchema, type ReportQuery } from './public.schema';

export const PAGE_SIZE = 25;

/** 'YYYY-MM-DD' in Vietnam → the UTC instant of its midnight (periods are local days). */
const vnMidnight = (date: string, addDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00+07:00`) + addDays * 86_400_000).toISOString();

export function toFilter(query: ReportQuery): repo.ReportFilter {
  const from = query.from ? parseDate(query.from) : null;
  const to = query.to ? parseDate(query.to) : null;
  return {
    q: query.q ? fold(query.q) : undefined,
    commune: query.commune || undefined,
    category: query.category || undefined,
    status: query.status ? [query.status] : undefined,
    from: from ? vnMidnight(from) : undefined,
    to: to ? vnMidnight(to, 1) : undefined
  };
}

/** Query string → filter; invalid values are reported and ignored (the page still renders). */
export function parseQuery(params: URLSearchParams) {
  const raw = Object.fromEntries(params.entries());
  const parsed = validate(reportQuerySchema, raw);
  if (parsed.ok) return { query: parsed.data, errors: {} as Record<string, string> };
  const clean = { ...raw };
  for (const field of Object.keys(parsed.errors)) delete clean[field];
  return { query: reportQuerySchema.parse(clean), errors: parsed.errors };
}

export interface PublicReport {
  id: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  observedOn: string;
  description: string;
  lat: number | null;
  lon: number | null;
  categoryCode: string;
  categoryVi: string;
  categoryEn: string;
  groupCode: string;
  communeId: string | null;
  communeName: string | null;
  agencyName: string | null;
  photos: string[]; // URLs of photos approved for the public
}

export const photoUrl = (attachmentId: string) => `/reports-public/photo/${attachmentId}`;

export async function toPublic(db: Db, rows: repo.PublicRow[]): Promise<PublicReport[]> {
  const photos = await repo.listPublicPhotos(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    observedOn: r.observed_on,
    description: r.description,
    lat: r.public_lat,
    lon: r.public_lon,
    categoryCode: r.category_code,
    categoryVi: r.category_vi,
    categoryEn: r.category_en,
    groupCode: r.group_code,
    communeId: r.commune_id,
    communeName: r.commune_name,
    agencyName: r.agency_name,
    photos: photos.filter((p) => p.report_id === r.id).map((p) => photoUrl(p.id))
  }));
}

export async function listPublicReports(db: Db, query: ReportQuery, pageSize = PAGE_SIZE) {
  const filter = toFilter(query);
  const total = await repo.countPublic(db, filter);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pages);
  const rows = await repo.listPublic(db, filter, pageSize, (page - 1) * pageSize);
  return { reports: await toPublic(db, rows), total, page, pages };
}

/** Options for the filter form. */
export async function filterOptions(db: Db) {
  const [communes, categories] = await Promise.all([repo.currentCommunes(db), repo.listCategories(db)]);
  return { communes: communes.map((c) => ({ id: c.id, name: c.name })), categories };
}

/** Today's communes with their centres and outlines: a map background that needs no tile server. */
export async function communeBackground(db: Db) {
  const communes = await repo.currentCommunes(db);
  const shapes = await repo.communeGeometries(
    db,
    communes.map((c) => c.id)
  );
  return {
    communes: communes.map((c) => ({ id: c.id, name: c.name, lat: c.centre_lat, lon: c.centre_lon })),
    shapes: shapes.map((s) => ({ unitId: s.unit_id, geojson: s.geojson }))
  };
}

/** Markers for the map (already rounded) and the commune shapes or centres to draw. */
export async function mapData(db: Db, query: ReportQuery, limit = 1000) {
  const rows = await repo.listPublic(db, toFilter(query), limit);
  return {
    reports: (await toPublic(db, rows)).filter((r) => r.lat !== null && r.lon !== null),
    ...(await communeBackground(db))
  };
}

/** Published reports matching `filter`, newest first, in their public form (for Open311). */
export async function publishedReports(db: Db, filter: repo.ReportFilter, limit: number) {
  return toPublic(db, await repo.listPublic(db, filter, limit));
}

/** Status and category of reports that are not published, by id (Open311 answers with just these). */
export const reportStatuses = (db: Db, ids: string[]) => repo.listStatusOnly(db, ids);

async function reportForOfficer(db: Db, actor: Actor, reportId: string) {
  requireAction(actor, 'report.publish');
  const report = await repo.findReportForPublishing(db, reportId);
  if (!report) throw notFound();
  await assertInScope(db, actor, 'report.publish', report.commune_org_id);
  return report;
}

/**
 * Publish or withdraw a report. The public position is the centre of its ~500 m grid cell
 * (or of its commune when it has no GPS), computed here so the exact point never leaves.
 */
export async function setPublic(db: Db, actor: Actor, reportId: string, flag: boolean): Promise<void> {
  const report = await reportForOfficer(db, actor, reportId);
  let point: { lat: number; lon: number } | null = null;
  if (flag && report.lat !== null && report.lon !== null) point = roundToGrid(report.lat, report.lon);
  else if (flag && report.commune_unit_id) {
    const c = await repo.communeCentre(db, report.commune_unit_id);
    if (c?.centre_lat != null && c.centre_lon != null) point = { lat: c.centre_lat, lon: c.centre_lon };
  }
  await db.transaction().execute(async (tx) => {
    await repo.updatePublic(tx, reportId, flag ? 1 : 0, point?.lat ?? null, point?.lon ?? null, nowIso());
    await audit(tx, actor, {
      action: 'update',
      entityType: 'report',
      entityId: reportId,
      organisationId: report.commune_org_id,
      before: { is_public: report.is_public },
      after: { is_public: flag ? 1 : 0 },
      note: 'publish'
    });
  });
}

/** Approve (or withdraw) one photo for the public; only the re-encoded copy is ever served. */
export async function approvePhoto(db: Db, actor: Actor, attachmentId: string, flag: boolean): Promise<void> {
  const attachment = await repo.findAttachment(db, attachmentId);
  if (!attachment || attachment.kind !== 'photo') throw notFound();
  const report = await reportForOfficer(db, actor, attachment.report_id);
  await db.transaction().execute(async (tx) => {
    await repo.updateAttachmentPublic(tx, attachmentId, flag ? 1 : 0);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'attachment',
      entityId: attachmentId,
      organisationId: report.commune_org_id,
      before: { approved_public: attachment.approved_public },
      after: { approved_public: flag ? 1 : 0 }
    });
  });
}

export async function publicPhoto(db: Db, attachmentId: string) {
  const photo = await repo.findPublicPhoto(db, attachmentId);
  if (!photo?.public_path) throw notFound();
  return { path: photo.public_path, mime: photo.mime };
}

/** What the officer's publish page needs: the flag and the photos with their approval. */
export async function publishingView(db: Db, actor: Actor, reportId: string) {
  const report = await reportForOfficer(db, actor, reportId);
  const photos = await repo.listReportPhotos(db, reportId);
  return {
    id: report.id,
    isPublic: !!report.is_public,
    photos: photos.map((p, i) => ({ id: p.id, n: i + 1, approved: !!p.approved_public }))
  };
}
