/**
 * The public map and list, and the officer actions that feed them. Public reads need no
 * actor: they only ever see published reports through public-safe columns (rounded location,
 * no reporter, no identity). Publishing is scoped to the report's commune association.
 */
import type { PublicMarker, PublicReport } from '$lib/shared/reports/public';
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
import { isPublicState, statusesOf } from '$lib/shared/reports/public-status';
import { cachedThumbnail, readMedia } from '$lib/server/media/media';
import { AppError } from '$lib/server/errors';
import { LIMITS } from '$lib/shared/reports/constants';
import { attachmentUrl } from '../intake/attachments';
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
    // The public filter names one of four public states; exports may name an internal status.
    status: !query.status ? undefined : isPublicState(query.status) ? [...statusesOf(query.status)] : [query.status],
    from: from ? vnMidnight(from) : undefined,
    to: to ? vnMidnight(to, 1) : undefined
  };
}

/**
 * Query string → filter; invalid values are reported and ignored (the page still renders).
 * `shown` is what the filter form shows again: the query, with a refused value as it was typed.
 */
export function parseQuery(params: URLSearchParams) {
  const raw = Object.fromEntries(params.entries());
  const parsed = validate(reportQuerySchema, raw);
  if (parsed.ok) return { query: parsed.data, shown: parsed.data, errors: {} as Record<string, string> };
  const clean = { ...raw };
  for (const field of Object.keys(parsed.errors)) delete clean[field];
  const query = reportQuerySchema.parse(clean);
  const typed = Object.fromEntries(Object.keys(parsed.errors).map((f) => [f, String(raw[f] ?? '').slice(0, 200)]));
  return { query, shown: { ...query, ...typed } as ReportQuery, errors: parsed.errors };
}

export type { PublicMarker, PublicReport };

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

/** How many published reports match `query` (what the public list would say it holds). */
export const countPublicReports = (db: Db, query: ReportQuery) => repo.countPublic(db, toFilter(query));

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

export const MAP_MARKER_LIMIT = 1000;

/**
 * Markers for the map (already rounded): only what a dot and its popup show, no photos or text,
 * so the JSON a phone fetches when it opens the map stays small.
 */
export async function mapMarkers(db: Db, query: ReportQuery, limit = MAP_MARKER_LIMIT): Promise<PublicMarker[]> {
  const rows = await repo.listPublic(db, toFilter(query), limit);
  return rows
    .filter((r) => r.public_lat !== null && r.public_lon !== null)
    .map((r) => ({
      id: r.id,
      lat: r.public_lat!,
      lon: r.public_lon!,
      status: r.status,
      categoryVi: r.category_vi,
      categoryEn: r.category_en,
      communeName: r.commune_name
    }));
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

type PublishingRow = NonNullable<Awaited<ReturnType<typeof repo.findReportForPublishing>>>;

/**
 * The public position: the centre of its ~500 m grid cell (or of its commune when it has no
 * GPS), computed here so the exact point never leaves.
 */
async function publicPoint(db: Db, report: PublishingRow): Promise<{ lat: number; lon: number } | null> {
  if (report.lat !== null && report.lon !== null) return roundToGrid(report.lat, report.lon);
  if (!report.commune_unit_id) return null;
  const c = await repo.communeCentre(db, report.commune_unit_id);
  return c?.centre_lat != null && c.centre_lon != null ? { lat: c.centre_lat, lon: c.centre_lon } : null;
}

/** Publish or withdraw a report. */
export async function setPublic(db: Db, actor: Actor, reportId: string, flag: boolean): Promise<void> {
  const report = await reportForOfficer(db, actor, reportId);
  const point = flag ? await publicPoint(db, report) : null;
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

/**
 * The text the public reads. The officer may redact it (names, house numbers); the
 * reporter's original is never changed. Empty or identical text means "as written".
 */
export async function setPublicText(db: Db, actor: Actor, reportId: string, text: string): Promise<void> {
  const report = await reportForOfficer(db, actor, reportId);
  const clean = text.trim();
  if (clean.length > LIMITS.descriptionChars)
    throw new AppError('VALIDATION', 'err_too_long', { field: 'public_description' });
  const redacted = clean && clean !== report.description.trim() ? clean : null;
  await db.transaction().execute(async (tx) => {
    await repo.updatePublicText(tx, reportId, redacted, redacted ? fold(redacted) : null, nowIso());
    await audit(tx, actor, {
      action: 'update',
      entityType: 'report',
      entityId: reportId,
      organisationId: report.commune_org_id,
      before: { public_text_redacted: report.public_description !== null },
      after: { public_text_redacted: redacted !== null },
      note: 'public text'
    });
  });
}

/** An approved photo of a published report: the clean copy, or its (cached) thumbnail for lists. */
export async function publicPhoto(db: Db, attachmentId: string, opts: { thumb?: boolean } = {}) {
  const photo = await repo.findPublicPhoto(db, attachmentId);
  if (!photo?.public_path) throw notFound();
  const body = opts.thumb ? await cachedThumbnail(photo.public_path) : await readMedia(photo.public_path);
  return { body, mime: 'image/jpeg' };
}

/**
 * What the officer's publish page needs: exactly what the public will see (text as
 * published, the fuzzed point, the photos) and the choices that change it.
 */
export async function publishingView(db: Db, actor: Actor, reportId: string) {
  const report = await reportForOfficer(db, actor, reportId);
  const [photos, point] = await Promise.all([repo.listReportPhotos(db, reportId), publicPoint(db, report)]);
  return {
    id: report.id,
    ref: report.id.slice(0, 8).toUpperCase(),
    status: report.status,
    observedOn: report.observed_on,
    isPublic: !!report.is_public,
    original: report.description,
    publicText: report.public_description ?? report.description,
    redacted: report.public_description !== null,
    point: report.is_public && report.public_lat !== null ? { lat: report.public_lat, lon: report.public_lon! } : point,
    photos: photos.map((p, i) => ({
      id: p.id,
      n: i + 1,
      approved: !!p.approved_public,
      thumbUrl: attachmentUrl(p, { thumb: true }),
      url: attachmentUrl(p)
    }))
  };
}
