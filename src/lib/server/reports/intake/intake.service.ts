/**
 * Report intake: createReport is the one way a report enters the system (the public page,
 * on-behalf entry, and other engineers' callers). Identity goes only, encrypted, into
 * report_identity; for anonymous reports nothing about the reporter is stored at all (no
 * account, no name, no IP: this service never receives one). Idempotent by form key.
 */
import { notifyUrgent } from '../workflow/remind.service';
import { noticeNewReport, type NoticeReport } from '$lib/server/notify/notices';
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import { inTransaction } from '$lib/server/db/transaction';
import { ANONYMOUS, type Actor } from '$lib/server/access/actor';
import { can, inScope } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError } from '$lib/server/errors';
import { parseOrThrow } from '$lib/server/forms';
import { fold } from '$lib/shared/text';
import { todayVn } from '$lib/shared/format';
import type { PreparedMedia } from '$lib/server/media/media';
import { encryptIdentity, type ReporterIdentity } from '../identity';
import { hashReceipt, newReceiptCode } from '../receipt';
import { withDefaultProtection, intakeSchema, type IntakeData, type IntakeInput } from './intake.schema';
import { resolveLocation, type ResolvedLocation } from './location';
import { intakeReference, type IntakeReference } from './reference';
import { RECEIPT_REPLAY_MINUTES, receiptFromKey } from './receipt-keys';
import * as repo from './intake.repository';
import type { Insertable } from 'kysely';
import type { ReportTable } from '$lib/server/db/schema';
import { applyDeltas } from '$lib/server/program/rollup/aggregate.repository';
import { reportContributions } from '$lib/server/program/rollup/report-contributions';
import { saveAttachments } from './attachments';

export interface IntakeFiles {
  photos?: PreparedMedia[];
  voice?: PreparedMedia | null;
  /** A photo a client links to (Open311 media_url): kept as a link, never fetched. */
  mediaUrl?: string | null;
}

export interface IntakeOptions {
  /** Accept a free-text place naming no commune: the province Hội places it later. */
  allowUnplaced?: boolean;
  /** When it was received (default now): the demo files a case weeks back, as if on paper then. */
  now?: Date;
  /** The reference data the caller already read (Open311 looked its service up in it). */
  reference?: IntakeReference;
}

/** What the reporter is told: the receipt (shown once), whether this was a retry, where it landed. */
export interface IntakeResult {
  reportId: string;
  receiptCode: string | null;
  created: boolean;
  urgent: boolean;
  location: { precision: string; communeName: string } | null;
}

/** A refusal of one field, as details.fields like a schema failure (the form or Open311 names it). */
const fieldError = (field: string, key: string) => new AppError('VALIDATION', key, { fields: { [field]: key } });

async function replay(db: Db, key: string): Promise<IntakeResult | null> {
  const existing = await repo.findReportByKey(db, key);
  if (!existing) return null;
  const fresh = Date.now() - Date.parse(existing.created_at) < RECEIPT_REPLAY_MINUTES * 60_000;
  return {
    reportId: existing.id,
    receiptCode: fresh ? receiptFromKey(key) : null,
    created: false,
    urgent: existing.urgent === 1,
    location: null
  };
}

/** Whose observation this is, checked against the actor's scope. */
async function observerOf(
  db: Db,
  actor: Actor,
  d: IntakeData
): Promise<{ personId: string | null; name: string | null }> {
  if (d.observer_kind === 'self') return { personId: null, name: null };
  if (!can(actor, 'report.on_behalf')) throw fieldError('observer_kind', 'ri_err_on_behalf');
  if (d.observer_kind === 'non_member') return { personId: null, name: d.name };
  const person = await repo.findPersonOrg(db, d.observer_person_id);
  if (!person || !(await inScope(db, actor, 'report.on_behalf', person.organisation_id)))
    throw fieldError('observer_person_id', 'ri_err_member');
  return { personId: person.id, name: person.full_name };
}

/** The Hội whose queue receives a report of this commune (null: not yet placed). */
export async function associationForCommune(
  db: Db,
  communeId: string | null,
  today: string,
  ref?: IntakeReference
): Promise<string | null> {
  // Not yet placed: the province Hội's queue, marked "chưa xác định xã"; a commune with no Hội
  // yet: its province Hội (reference.ts).
  return (ref ?? (await intakeReference(db))).associationFor(communeId, today);
}

function identityOf(d: IntakeData, observerName: string | null): ReporterIdentity | null {
  if (d.protection === 'anonymous') return null;
  const name = d.name || observerName;
  if (!name) return null;
  return { name, address: d.address || null, phone: d.phone || null, ...(d.email ? { email: d.email } : {}) };
}

export async function createReport(
  db: Db,
  actor: Actor,
  input: IntakeInput | Record<string, unknown>,
  files: IntakeFiles = {},
  opts: IntakeOptions = {}
): Promise<IntakeResult> {
  const photos = files.photos ?? [];
  const photoGps = photos.find((p) => p.lat !== null && p.lon !== null);
  const d = parseOrThrow(intakeSchema, {
    ...withDefaultProtection(input),
    has_voice: !!files.voice,
    has_photo_gps: !!photoGps,
    has_media_link: !!files.mediaUrl,
    allow_unplaced: !!opts.allowUnplaced
  });
  const key = d.idempotency_key || null;
  if (key) {
    const again = await replay(db, key);
    if (again) return again;
  }
  const ref = opts.reference ?? (await intakeReference(db));
  const category = ref.category(d.category_id);
  if (!category || !category.active) throw fieldError('category_id', 'ri_err_category');
  const observer = await observerOf(db, actor, d);
  const today = todayVn(opts.now);
  const loc = await resolveLocation(
    db,
    {
      lat: d.lat,
      lon: d.lon,
      source: d.location_source,
      communeId: d.commune_id,
      villageId: d.village_id,
      photoGps: photoGps ? { lat: photoGps.lat!, lon: photoGps.lon! } : null,
      text: d.location_text,
      allowUnplaced: d.allow_unplaced
    },
    today,
    ref
  );
  if ('error' in loc) throw fieldError(loc.field, loc.error);
  const orgId = ref.associationFor(loc.communeId, today);
  if (!orgId && !loc.communeId) throw fieldError('commune_id', 'ri_err_location_required');
  const deadline = ref.deadline('verify', d.channel, category.id, today);
  const receiptCode = key ? receiptFromKey(key) : newReceiptCode();
  const reportId = newId();
  try {
    await inTransaction(db, async (tx) => {
      const row = await insertAll(tx, actor, {
        d,
        reportId,
        key,
        receiptCode,
        loc,
        orgId,
        urgent: category.urgent === 1,
        // the report's unit is a commune (resolveLocation); its Hội is one of the reference's
        noVillages: !orgId || !ref.isVillageBranch(orgId),
        deadlineOn: deadline.dueOn,
        observer,
        files,
        receivedAt: opts.now
      });
      // Urgent lane: the on-duty officers of the area hear of it in the same transaction
      // (asked only for urgent categories: most reports are not, and need no extra read).
      if (category.urgent === 1) await notifyUrgent(tx, { id: reportId });
      await noticeNewReport(tx, reportId, row);
    });
  } catch (e) {
    // A concurrent double submit lost the race on the unique key: answer with the winner.
    const again = key ? await replay(db, key) : null;
    if (again) return again;
    throw e;
  }
  return {
    reportId,
    receiptCode,
    created: true,
    urgent: category.urgent === 1,
    location: { precision: loc.precision, communeName: loc.communeName }
  };
}

interface InsertArgs {
  d: IntakeData;
  reportId: string;
  key: string | null;
  receiptCode: string;
  loc: ResolvedLocation;
  orgId: string | null;
  urgent: boolean;
  /** No unit or organisation of the report's figures is at village level (nothing to lift). */
  noVillages: boolean;
  deadlineOn: string;
  observer: { personId: string | null; name: string | null };
  files: IntakeFiles;
  receivedAt?: Date;
}

/** Writes the report and everything that comes with it; returns the report row as written. */
async function insertAll(tx: Db, actor: Actor, a: InsertArgs): Promise<NoticeReport> {
  const { d, reportId, loc } = a;
  const now = a.receivedAt?.toISOString() ?? nowIso();
  const behalf = d.observer_kind !== 'self';
  const anonymous = d.protection === 'anonymous';
  // A protected reporter is linked in plain only where they need it (their own "my reports",
  // reporter_account_id): not the member an officer entered it for, not the timeline or the
  // photos. Who they are is in the encrypted identity alone.
  const hidden = d.protection !== 'named';
  const uploader = anonymous || (hidden && !behalf) ? null : actor.accountId;
  const row: Insertable<ReportTable> = {
    id: reportId,
    receipt_hash: hashReceipt(a.receiptCode),
    idempotency_key: a.key,
    channel: d.channel,
    category_id: d.category_id,
    description: d.description,
    description_search: fold(d.description),
    observed_on: d.observed_on,
    lat: loc.lat,
    lon: loc.lon,
    location_precision: loc.precision,
    location_text: d.location_text || null,
    commune_unit_id: loc.communeId,
    village_unit_id: loc.villageId,
    commune_org_id: a.orgId,
    agency_org_id: null,
    assigned_account_id: null,
    status: 'new',
    urgent: a.urgent ? 1 : 0,
    protection: d.protection,
    reporter_account_id: anonymous || behalf ? null : actor.accountId,
    entered_by_account_id: behalf ? actor.accountId : null,
    observer_person_id: hidden ? null : a.observer.personId,
    consent_method: behalf && d.consent_method ? d.consent_method : null,
    is_public: 0,
    public_lat: null,
    public_lon: null,
    duplicate_of_id: null,
    deadline_kind: 'verify',
    deadline_on: a.deadlineOn,
    accepted_on: null,
    extensions_used: 0,
    outcome_kind: null,
    outcome_json: null,
    resolved_at: null,
    closed_at: null,
    rating: null,
    media_url: a.files.mediaUrl ?? null,
    created_at: now,
    updated_at: now
  };
  await repo.insertReport(tx, row);
  // counted in the report figures' pre-aggregates from the start (report-contributions.ts)
  await applyDeltas(tx, reportContributions(row), { noVillages: a.noVillages });
  const identity = identityOf(d, a.observer.name);
  if (identity)
    await repo.insertIdentity(tx, { report_id: reportId, ...encryptIdentity(reportId, identity), created_at: now });
  const eventId = newId();
  // The witness and the alleged violator are case facts for officers, kept off the reporter's view.
  const data = { witness_name: behalf ? d.witness_name || null : null, violator: d.violator || null };
  await repo.insertEvent(tx, {
    id: eventId,
    report_id: reportId,
    kind: 'status',
    from_status: null,
    to_status: 'new',
    actor_account_id: hidden && !behalf ? null : actor.accountId,
    actor_org_id: null,
    visible_to_reporter: 1,
    body: null,
    data: JSON.stringify(data),
    created_at: now
  });
  const media = [...(a.files.photos ?? []), ...(a.files.voice ? [a.files.voice] : [])];
  await saveAttachments(tx, reportId, eventId, media, uploader);
  // A protected reporter is not linked to the report in the audit trail: not the signed-in
  // member who filed it, not the member an officer entered it for (only the identity, which
  // is encrypted, says who). Named reports keep both.
  await audit(tx, hidden && !behalf ? ANONYMOUS : actor, {
    action: 'report.create',
    entityType: 'report',
    entityId: reportId,
    organisationId: a.orgId,
    after: {
      channel: d.channel,
      category_id: d.category_id,
      urgent: a.urgent,
      protection: d.protection,
      on_behalf: behalf,
      observer_person_id: hidden ? null : a.observer.personId,
      consent_method: behalf ? d.consent_method : null,
      photos: a.files.photos?.length ?? 0,
      voice: !!a.files.voice,
      media_url: a.files.mediaUrl ?? null
    }
  });
  return {
    id: reportId,
    status: 'new',
    category_id: row.category_id,
    commune_org_id: row.commune_org_id ?? null,
    agency_org_id: null,
    reporter_account_id: row.reporter_account_id ?? null,
    deadline_on: row.deadline_on ?? null,
    deadline_kind: row.deadline_kind ?? null
  };
}
