/**
 * What officers read: one report with its timeline and the choices for the action forms, and
 * what the reporter reads (by receipt, in A's /r page). Both views are built field by field so
 * that nothing identifying the reporter (accounts, observer, identity) can slip through.
 */
import type { TimelineEntry } from '$lib/shared/reports/timeline';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, scopeSubquery } from '$lib/server/access/access';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import { isOverdue } from '../deadline';
import { boundingBox, suggestDuplicates } from '$lib/shared/reports/geo';
import { LIMITS } from '$lib/shared/reports/constants';
import { nextStatuses, isStatus, type ReportStatus } from '$lib/shared/reports/status';
import { addCalendarDays } from '$lib/server/calendar/workdays';
import { listRoutingCandidates } from '../routing.repository';
import { rankRoutes } from '../routing';
import { attachmentUrl } from '../intake/attachments';
import { safeLink } from '$lib/shared/reports/links';
import { canRead, loadReadable, mayAct } from './core';
import { notFound } from '$lib/server/errors';
import {
  accountName,
  categoryOf,
  duplicateCandidates,
  findIdentity,
  findReport,
  listAgencies,
  listAttachments,
  listEvents,
  listExtensions,
  officersCovering,
  orgNames,
  reportsByPrefix,
  unitChain,
  unitNames,
  type ReportRow
} from './workflow.repository';

export type { TimelineEntry };

type EventRow = Awaited<ReturnType<typeof listEvents>>[number];
const toEntry = (e: EventRow, merged = false): TimelineEntry => ({
  id: e.id,
  kind: e.kind,
  from: e.from_status,
  to: e.to_status,
  visibleToReporter: e.visible_to_reporter === 1,
  body: e.body,
  data: readJson<Record<string, unknown>>(e.data),
  at: e.created_at,
  org: e.org_name,
  merged
});

/**
 * The reporter's timeline: their report's public events, and once it was merged as a
 * duplicate, the master report's public events too. Callers check the receipt first.
 */
export async function reporterTimeline(db: Db, reportId: string): Promise<TimelineEntry[]> {
  const r = await findReport(db, reportId);
  if (!r) return [];
  const ids = r.duplicate_of_id ? [r.id, r.duplicate_of_id] : [r.id];
  const events = await listEvents(db, ids, true);
  return events.map((e) => toEntry(e, e.report_id !== r.id));
}

async function duplicateSuggestions(db: Db, actor: Actor, r: ReportRow) {
  if (r.lat === null || r.lon === null) return [];
  const from = addCalendarDays(r.observed_on, -LIMITS.duplicateDays);
  const to = addCalendarDays(r.observed_on, LIMITS.duplicateDays);
  const rows = await duplicateCandidates(
    db,
    r,
    from,
    to,
    boundingBox(r.lat, r.lon, LIMITS.duplicateMeters),
    scopeSubquery(db, actor, 'report.read')
  );
  const probes = rows.map((c) => ({
    id: c.id,
    categoryId: c.category_id,
    observedOn: c.observed_on,
    lat: c.lat,
    lon: c.lon,
    status: c.status,
    createdAt: c.created_at
  }));
  return suggestDuplicates(
    { id: r.id, categoryId: r.category_id, observedOn: r.observed_on, lat: r.lat, lon: r.lon },
    probes
  ).slice(0, 10);
}

/** The competent agency by routing rules (category × area), or null. */
export async function suggestedAgency(
  db: Db,
  r: Pick<ReportRow, 'category_id' | 'village_unit_id' | 'commune_unit_id'>
): Promise<string | null> {
  const units = await unitChain(db, r.village_unit_id ?? r.commune_unit_id);
  const ranked = rankRoutes(await listRoutingCandidates(db, r.category_id, units), r.category_id, units);
  return ranked[0]?.agency_org_id ?? null;
}

async function permissions(db: Db, actor: Actor, r: ReportRow) {
  const [association, agency, manager, custodian, publish] = await Promise.all([
    mayAct(db, actor, r, 'association'),
    mayAct(db, actor, r, 'agency'),
    mayAct(db, actor, r, 'manager'),
    inScope(db, actor, 'identity.reveal', r.commune_org_id),
    inScope(db, actor, 'report.publish', r.commune_org_id)
  ]);
  const reveal = custodian && r.protection !== 'anonymous' && !!(await findIdentity(db, r.id));
  return { association, agency, manager, reveal, publish };
}

export const SHORT_REF = /^[0-9a-f]{8}$/i;

/**
 * The short reference shown everywhere (e.g. 2DAE2194), as given over the phone → the report
 * it names among those this officer may read; NOT_FOUND otherwise, as for any other report.
 */
export async function resolveReference(db: Db, actor: Actor, ref: string): Promise<string> {
  if (!SHORT_REF.test(ref)) throw notFound();
  const readable = [];
  for (const r of await reportsByPrefix(db, ref)) if (await canRead(db, actor, r)) readable.push(r.id);
  if (readable.length !== 1) throw notFound();
  return readable[0];
}

/** The officer's page. Out of scope → NOT_FOUND. */
export async function officerReport(db: Db, actor: Actor, id: string, now = new Date()) {
  const r = await loadReadable(db, actor, id);
  const can = await permissions(db, actor, r);
  const status = (isStatus(r.status) ? r.status : 'new') as ReportStatus;
  const [category, names, units, events, attachments, extensions, assigned] = await Promise.all([
    categoryOf(db, r.category_id),
    orgNames(db, [r.commune_org_id, r.agency_org_id]),
    unitNames(db, [r.commune_unit_id, r.village_unit_id]),
    listEvents(db, [r.id]),
    listAttachments(db, r.id),
    listExtensions(db, r.id),
    accountName(db, r.assigned_account_id)
  ]);
  const today = todayVn(now);
  return {
    report: {
      id: r.id,
      ref: r.id.slice(0, 8).toUpperCase(),
      status,
      channel: r.channel,
      urgent: r.urgent === 1,
      protection: r.protection,
      category: category ? { vi: category.name_vi, en: category.name_en } : null,
      description: r.description,
      observedOn: r.observed_on,
      locationText: r.location_text,
      lat: r.lat,
      lon: r.lon,
      precision: r.location_precision,
      communeUnit: r.commune_unit_id ? (units[r.commune_unit_id] ?? null) : null,
      village: r.village_unit_id ? (units[r.village_unit_id] ?? null) : null,
      mediaUrl: safeLink(r.media_url),
      isPublic: r.is_public === 1,
      commune: r.commune_org_id ? (names[r.commune_org_id] ?? null) : null,
      agency: r.agency_org_id ? (names[r.agency_org_id] ?? null) : null,
      assigned,
      deadlineKind: r.deadline_kind,
      deadlineOn: r.deadline_on,
      overdue: isOverdue(r.deadline_on, today),
      dueToday: r.deadline_on === today,
      acceptedOn: r.accepted_on,
      extensionsUsed: r.extensions_used,
      duplicateOf: r.duplicate_of_id,
      outcome: readJson<Record<string, unknown>>(r.outcome_json),
      createdAt: r.created_at,
      resolvedAt: r.resolved_at
    },
    timeline: events.map((e) => toEntry(e)),
    attachments: attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      mime: a.mime,
      bytes: a.bytes,
      createdAt: a.created_at,
      // The officer may open the evidence file: loadReadable proved report.read in scope.
      url: a.kind === 'document' ? `/reports/${r.id}/files/${a.id}` : attachmentUrl(a),
      thumbUrl: a.kind === 'photo' ? attachmentUrl(a, { thumb: true }) : null,
      originalUrl: a.kind === 'document' ? null : attachmentUrl(a, { original: true })
    })),
    extensions,
    can,
    next: {
      association: can.association ? nextStatuses(status, 'association') : [],
      agency: can.agency ? nextStatuses(status, 'agency') : []
    },
    duplicates: can.association ? await duplicateSuggestions(db, actor, r) : [],
    agencies: can.association ? await listAgencies(db) : [],
    suggestedAgency: can.association ? await suggestedAgency(db, r) : null,
    officers:
      can.agency && r.agency_org_id
        ? await officersCovering(db, r.agency_org_id, ['agency_officer']).then((l) =>
            l.map((o) => ({ id: o.id, name: o.display_name }))
          )
        : []
  };
}

export type OfficerReport = Awaited<ReturnType<typeof officerReport>>;
