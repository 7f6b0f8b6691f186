/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), read side. Every function
 * returns {status, root, body}; the HTTP layer only picks JSON or XML. Only public-safe fields
 * ever leave: published reports with their ~500 m position; for unpublished ones, looked up
 * by their (unguessable) id, just the status and service. Identities never.
 */
import type { Db } from '$lib/server/db';
import { publishedReports, reportStatuses, type PublicReport } from '$lib/server/reports/public/public.service';
import { STATUSES, TERMINAL, type ReportStatus } from '$lib/shared/reports/status';
import * as repo from './open311.repository';
import { outcomeOf } from '$lib/server/reports/outcome-read';
import { verifyKey } from './keys.service';

export interface O311Result {
  status: number;
  root: 'discovery' | 'services' | 'service_definition' | 'service_requests' | 'errors';
  body: unknown;
}

export type Params = Record<string, string | undefined>;

export const JURISDICTION = '12'; // Lai Châu province code
export const CHANGESET = '2026-11-29T00:00:00Z';
export const MAX_RESULTS = 1000;
export const DEFAULT_DAYS = 90;
const CLOSED: readonly string[] = [...TERMINAL, 'resolved'];

export const o311Error = (status: number, description: string): O311Result => ({
  status,
  root: 'errors',
  body: [{ code: status, description }]
});

/** jurisdiction_id is optional (one jurisdiction), but when given it must be ours. */
export function checkJurisdiction(params: Params): O311Result | null {
  const j = params.jurisdiction_id;
  return j !== undefined && j !== '' && j !== JURISDICTION ? o311Error(404, 'jurisdiction_id not found') : null;
}

export function discovery(baseUrl: string): O311Result {
  return {
    status: 200,
    root: 'discovery',
    body: {
      changeset: CHANGESET,
      contact: 'Hội Người cao tuổi tỉnh Lai Châu',
      key_service: `${baseUrl}/admin/open311`,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${baseUrl}/open311/v2`,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json']
        }
      ]
    }
  };
}

export async function services(db: Db): Promise<O311Result> {
  const rows = await repo.listServices(db);
  return {
    status: 200,
    root: 'services',
    body: rows.map((c) => ({
      service_code: c.code,
      service_name: c.name_vi,
      description: c.legal_basis ?? c.name_en,
      metadata: true,
      type: 'realtime',
      keywords: c.urgent ? 'khan_cap,urgent' : '',
      group: c.group_vi
    }))
  };
}

/** Every service takes one optional attribute: the channel (a tố cáo needs the full form). */
export async function serviceDefinition(db: Db, code: string): Promise<O311Result> {
  const service = (await repo.listServices(db)).find((s) => s.code === code);
  if (!service) return o311Error(404, 'service_code not found');
  return {
    status: 200,
    root: 'service_definition',
    body: {
      service_code: service.code,
      attributes: [
        {
          variable: true,
          code: 'channel',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: 'phan_anh (information) or kien_nghi (recommendation); default phan_anh',
          order: 1,
          description: 'Hình thức / Channel',
          values: [
            { key: 'phan_anh', name: 'Phản ánh' },
            { key: 'kien_nghi', name: 'Kiến nghị' }
          ]
        }
      ]
    }
  };
}

type Note = Awaited<ReturnType<typeof repo.listPublicStatusEvents>>[number];

const resolutionNote = (n: Note) => outcomeOf(n.resolution)?.note ?? null;

/** The note of the resolution in force: a reopening since then makes the earlier answer history. */
function currentOutcome(events: Note[]): string | null {
  for (const n of [...events].reverse()) {
    if (!n.to_status || !CLOSED.includes(n.to_status)) return null;
    const note = resolutionNote(n);
    if (note) return note;
  }
  return null;
}

function fullRecord(r: PublicReport, notes: Note[], baseUrl: string, extensions: boolean) {
  const mine = notes.filter((n) => n.report_id === r.id);
  const closed = CLOSED.includes(r.status);
  const record: Record<string, unknown> = {
    service_request_id: r.id,
    status: closed ? 'closed' : 'open',
    status_notes: currentOutcome(mine),
    service_name: r.categoryVi,
    service_code: r.categoryCode,
    description: r.description,
    agency_responsible: r.agencyName,
    service_notice: null,
    requested_datetime: r.createdAt,
    updated_datetime: r.updatedAt,
    expected_datetime: null,
    address: r.communeName,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: r.photos[0] ? `${baseUrl}${r.photos[0]}` : null
  };
  if (extensions) {
    record.extended_attributes = {
      status: r.status,
      updates: mine.map((n) => ({ datetime: n.created_at, status: n.to_status, notes: resolutionNote(n) }))
    };
  }
  return record;
}

type StatusRow = Awaited<ReturnType<typeof reportStatuses>>[number];

function statusRecord(r: StatusRow, extensions: boolean) {
  const record: Record<string, unknown> = {
    service_request_id: r.id,
    status: CLOSED.includes(r.status) ? 'closed' : 'open',
    service_name: r.category_vi,
    service_code: r.category_code,
    requested_datetime: r.created_at,
    updated_datetime: r.updated_at
  };
  if (extensions) record.extended_attributes = { status: r.status as ReportStatus, updates: [] };
  return record;
}

const splitList = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Published reports in full plus, by id only, the bare status of the unpublished ones, and
 * those only to a client with a valid api_key (the systems that post reports and follow them
 * up): to anyone else an unpublished report does not exist.
 */
async function recordsByIds(db: Db, ids: string[], baseUrl: string, extensions: boolean, apiKey?: string) {
  const published = await publishedReports(db, { ids }, MAX_RESULTS);
  const client = await verifyKey(db, apiKey);
  const notes = await repo.listPublicStatusEvents(
    db,
    published.map((r) => r.id)
  );
  const seen = new Set(published.map((r) => r.id));
  const rest = client
    ? await reportStatuses(
        db,
        ids.filter((id) => !seen.has(id))
      )
    : [];
  const byId = new Map<string, unknown>([
    ...published.map((r) => [r.id, fullRecord(r, notes, baseUrl, extensions)] as const),
    ...rest.map((r) => [r.id, statusRecord(r, extensions)] as const)
  ]);
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
}

function parseInstant(v: string | undefined): string | null | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export async function getRequests(db: Db, params: Params, baseUrl: string): Promise<O311Result> {
  const extensions = params.extensions === 'true';
  const ids = splitList(params.service_request_id);
  // The spec: service_request_id overrides every other filter.
  if (ids.length)
    return {
      status: 200,
      root: 'service_requests',
      body: await recordsByIds(db, ids.slice(0, MAX_RESULTS), baseUrl, extensions, params.api_key)
    };
  const start = parseInstant(params.start_date);
  const end = parseInstant(params.end_date);
  if (start === null || end === null) return o311Error(400, 'start_date and end_date must be w3c date-times');
  const statuses = splitList(params.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) return o311Error(400, 'status must be open or closed');
  const from = start ?? (end ? undefined : new Date(Date.now() - DEFAULT_DAYS * 86_400_000).toISOString());
  // One of open/closed → the internal statuses it stands for; both (or none) → no filter.
  const wanted = new Set(statuses);
  const status = wanted.size === 1 ? STATUSES.filter((s) => CLOSED.includes(s) === wanted.has('closed')) : undefined;
  const published = await publishedReports(
    db,
    { categories: splitList(params.service_code), from, to: end, status },
    MAX_RESULTS
  );
  const notes = await repo.listPublicStatusEvents(
    db,
    published.map((r) => r.id)
  );
  return {
    status: 200,
    root: 'service_requests',
    body: published.map((r) => fullRecord(r, notes, baseUrl, extensions))
  };
}

export async function getRequest(db: Db, id: string, params: Params, baseUrl: string): Promise<O311Result> {
  const body = await recordsByIds(db, [id], baseUrl, params.extensions === 'true', params.api_key);
  return body.length ? { status: 200, root: 'service_requests', body } : o311Error(404, 'service_request_id not found');
}
