/**
 * Following a report with its receipt: the reporter's view (statuses, the running deadline,
 * handlers' messages; never identities or internal notes), answering, adding photos, rating
 * and reopening. The receipt (or the signed cookie made from it) is the only credential, so
 * these functions take a report id the route has already proven with it.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { countAttempt, liveWindow } from '$lib/server/auth/rate-limit.service';
import { ANONYMOUS, type Actor } from '$lib/server/access/actor';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { LIMITS } from '$lib/shared/reports/constants';
import { canReopen, canTransition, isStatus, type ReportStatus } from '$lib/shared/reports/status';
import type { PreparedMedia } from '$lib/server/media/media';
import { hashReceiptInput } from '../receipt';
import { deadlineFor } from '../deadline.service';
import { outcomeOf } from '../outcome-read';
import * as repo from './intake.repository';
import { attachmentUrl, saveAttachments } from './attachments';
import { atomically, transition } from '../workflow/transition';
import { unitNames } from '../workflow/workflow.repository';

/** The reporter is nobody in particular: audit entries never link an account. */
const REPORTER: Actor = { ...ANONYMOUS, name: 'reporter' };
/** The reporter's timeline entries name no account and no office. */
const BY_REPORTER = { visible: true, actorAccountId: null, actorOrgId: null };

export async function reportIdForReceipt(db: Db, code: string): Promise<string | null> {
  const hash = hashReceiptInput(code);
  return hash ? ((await repo.findReportByReceiptHash(db, hash))?.id ?? null) : null;
}

export const RECEIPT_MAX_FAILURES = 10;
export const RECEIPT_WINDOW_MINUTES = 15;

/**
 * Rate-limit key for one client. Keyed HMAC, not a bare hash: the IPv4 space is small enough
 * to reverse a plain SHA-256, and the raw address must never be stored.
 */
const clientKey = (client: string) =>
  `receipt:${createHmac('sha256', config.APP_SECRET).update(`receipt-limit:${client}`).digest('hex').slice(0, 32)}`;

/**
 * A receipt lookup from the /r form, limited per client: after RECEIPT_MAX_FAILURES wrong codes
 * in RECEIPT_WINDOW_MINUTES every attempt is refused, right or wrong, until the window ends.
 * Success does not reset the count, so one valid code cannot buy more guesses. A wrong code is
 * a field error on the form, never a 404: the form stays, with what was typed.
 */
export async function lookupReceipt(db: Db, code: string, client: string, now = Date.now()): Promise<string> {
  const key = clientKey(client);
  const live = await liveWindow(db, key, now);
  if (live && live.count >= RECEIPT_MAX_FAILURES)
    throw new AppError('RATE_LIMITED', 'ri_err_receipt_rate_limited', { field: 'code' });
  const reportId = await reportIdForReceipt(db, code);
  if (reportId) return reportId;
  await countAttempt(db, key, live, RECEIPT_WINDOW_MINUTES, now);
  throw new AppError('VALIDATION', 'ri_err_receipt', { field: 'code' });
}

/** VN calendar date of an ISO instant. */
const vnDate = (iso: string | null) => (iso ? todayVn(new Date(iso)) : null);

async function load(db: Db, reportId: string) {
  const r = await repo.findReport(db, reportId);
  if (!r || !isStatus(r.status)) throw notFound();
  return { ...r, status: r.status as ReportStatus };
}

/**
 * A duplicate's reporter follows the case on the report it was merged into: the master's
 * public events done by handlers join the timeline, never the other reporter's own words.
 */
async function reporterEvents(db: Db, reportId: string, masterId: string | null) {
  const [own, master] = await Promise.all([
    repo.listReporterEvents(db, reportId),
    masterId ? repo.listReporterEvents(db, masterId) : []
  ]);
  return [...own, ...master.filter((e) => e.actor_account_id !== null)].sort((a, b) =>
    a.created_at.localeCompare(b.created_at)
  );
}

export async function reporterView(db: Db, reportId: string, today = todayVn()) {
  const r = await load(db, reportId);
  const [events, attachments, category, units] = await Promise.all([
    reporterEvents(db, reportId, r.duplicate_of_id),
    repo.listReportAttachments(db, reportId),
    repo.findCategoryForIntake(db, r.category_id),
    unitNames(db, [r.commune_unit_id, r.village_unit_id])
  ]);
  return {
    status: r.status,
    channel: r.channel,
    category: category?.name_vi ?? '',
    urgent: r.urgent === 1,
    createdAt: r.created_at,
    observedOn: r.observed_on,
    deadlineKind: r.deadline_kind,
    deadlineOn: r.deadline_on,
    rating: r.rating,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      toStatus: e.to_status,
      body: e.body,
      at: e.created_at,
      outcome: e.to_status === 'resolved' ? outcomeOf(e.data) : null,
      fromHandler: e.actor_account_id !== null && e.kind === 'message'
    })),
    // What they reported, so they can tell it is theirs; their photos as the metadata-free copy.
    description: r.description,
    place: {
      commune: r.commune_unit_id ? (units[r.commune_unit_id] ?? null) : null,
      village: r.village_unit_id ? (units[r.village_unit_id] ?? null) : null,
      text: r.location_text,
      lat: r.lat,
      lon: r.lon
    },
    photos: attachments.filter((a) => a.kind === 'photo').map((a) => ({ id: a.id })),
    files: attachments
      .filter((a) => a.kind !== 'document')
      .map((a) => ({
        id: a.id,
        kind: a.kind,
        mime: a.mime,
        bytes: a.bytes,
        createdAt: a.created_at,
        url: attachmentUrl(a),
        thumbUrl: a.kind === 'photo' ? attachmentUrl(a, { thumb: true }) : null
      })),
    canRate: r.status === 'resolved' || r.status === 'closed',
    canReopen: canReopen(r.status, vnDate(r.resolved_at), today),
    canReply: !['rejected', 'duplicate', 'closed'].includes(r.status)
  };
}

export async function reply(db: Db, reportId: string, body: string, photos: PreparedMedia[]): Promise<void> {
  const text = body.trim();
  if (!text && !photos.length) throw new AppError('VALIDATION', 'ri_err_reply', { field: 'body' });
  if (text.length > LIMITS.descriptionChars) throw new AppError('VALIDATION', 'err_too_long', { field: 'body' });
  if (photos.length > LIMITS.photos) throw new AppError('VALIDATION', 'ri_err_photo_count', { field: 'photos' });
  const r = await load(db, reportId);
  // Answering a request for information sends the report back to verification.
  const back = r.status === 'needs_info' && canTransition(r.status, 'new', 'reporter');
  await atomically(db, async (tx) => {
    const { eventId } = await transition(tx, {
      reportId,
      expected: r.status,
      to: back ? 'new' : undefined,
      side: 'reporter',
      event: { ...BY_REPORTER, kind: photos.length && !text ? 'attachment' : 'reply', body: text || null }
    });
    await saveAttachments(tx, reportId, eventId, photos, null);
    await audit(tx, REPORTER, {
      action: 'report.reply',
      entityType: 'report',
      entityId: reportId,
      organisationId: r.commune_org_id,
      after: { photos: photos.length, status: back ? 'new' : r.status }
    });
  });
}

export async function rate(db: Db, reportId: string, rating: number): Promise<void> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    throw new AppError('VALIDATION', 'ri_err_rating', { field: 'rating' });
  const r = await load(db, reportId);
  if (r.status !== 'resolved' && r.status !== 'closed') throw new AppError('CONFLICT', 'ri_err_not_closed');
  await atomically(db, async (tx) => {
    await transition(tx, {
      reportId,
      expected: r.status,
      side: 'reporter',
      patch: { rating },
      event: { ...BY_REPORTER, kind: 'rating', body: String(rating) }
    });
    await audit(tx, REPORTER, {
      action: 'report.rate',
      entityType: 'report',
      entityId: reportId,
      organisationId: r.commune_org_id,
      before: { rating: r.rating },
      after: { rating }
    });
  });
}

export async function reopen(db: Db, reportId: string, reason: string, today = todayVn()): Promise<void> {
  const r = await load(db, reportId);
  if (!canReopen(r.status, vnDate(r.resolved_at), today)) throw new AppError('CONFLICT', 'ri_err_reopen');
  if (!reason.trim()) throw new AppError('VALIDATION', 'ri_err_reopen_reason', { field: 'reason' });
  const deadline = await deadlineFor(db, 'verify', r.channel, r.category_id, today);
  await atomically(db, async (tx) => {
    await transition(tx, {
      reportId,
      expected: r.status,
      to: 'reopened',
      side: 'reporter',
      patch: { deadline_kind: 'verify', deadline_on: deadline.dueOn, closed_at: null },
      event: { ...BY_REPORTER, kind: 'status', body: reason.trim().slice(0, LIMITS.descriptionChars) }
    });
    await audit(tx, REPORTER, {
      action: 'report.reopen',
      entityType: 'report',
      entityId: reportId,
      organisationId: r.commune_org_id,
      before: { status: r.status },
      after: { status: 'reopened' }
    });
  });
}
