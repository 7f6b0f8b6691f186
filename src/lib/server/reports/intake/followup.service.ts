/**
 * Following a report with its receipt: the reporter's view (statuses, the running deadline,
 * handlers' messages; never identities or internal notes), answering, adding photos, rating
 * and reopening. The receipt (or the signed cookie made from it) is the only credential, so
 * these functions take a report id the route has already proven with it.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import { ANONYMOUS, type Actor } from '$lib/server/access/actor';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { LIMITS } from '$lib/shared/reports/constants';
import { canReopen, canTransition, isStatus, type ReportStatus } from '$lib/shared/reports/status';
import type { PreparedMedia } from '$lib/server/media/media';
import { hashReceiptInput } from '../receipt';
import { deadlineFor } from '../deadline.service';
import * as repo from './intake.repository';
import { saveAttachments } from './attachments';

/** The reporter is nobody in particular: audit entries never link an account. */
const REPORTER: Actor = { ...ANONYMOUS, name: 'reporter' };

export async function reportIdForReceipt(db: Db, code: string): Promise<string | null> {
  const hash = hashReceiptInput(code);
  return hash ? ((await repo.findReportByReceiptHash(db, hash))?.id ?? null) : null;
}

/** VN calendar date of an ISO instant. */
const vnDate = (iso: string | null) => (iso ? todayVn(new Date(iso)) : null);

async function load(db: Db, reportId: string) {
  const r = await repo.findReport(db, reportId);
  if (!r || !isStatus(r.status)) throw notFound();
  return { ...r, status: r.status as ReportStatus };
}

export async function reporterView(db: Db, reportId: string, today = todayVn()) {
  const r = await load(db, reportId);
  const [events, attachments, category] = await Promise.all([
    repo.listReporterEvents(db, reportId),
    repo.listReportAttachments(db, reportId),
    repo.findCategoryForIntake(db, r.category_id)
  ]);
  return {
    status: r.status, channel: r.channel, category: category?.name_vi ?? '', urgent: r.urgent === 1,
    createdAt: r.created_at, observedOn: r.observed_on, deadlineKind: r.deadline_kind, deadlineOn: r.deadline_on, rating: r.rating,
    events: events.map((e) => ({ id: e.id, kind: e.kind, toStatus: e.to_status, body: e.body, at: e.created_at, fromHandler: e.actor_account_id !== null && e.kind === 'message' })),
    photos: attachments.filter((a) => a.kind === 'photo').map((a) => ({ id: a.id })),
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
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    const eventId = newId();
    // Answering a request for information sends the report back to verification.
    const back = r.status === 'needs_info' && canTransition(r.status, 'new', 'reporter');
    await repo.insertEvent(tx, { id: eventId, report_id: reportId, kind: photos.length && !text ? 'attachment' : 'reply', from_status: back ? r.status : null, to_status: back ? 'new' : null, actor_account_id: null, actor_org_id: null, visible_to_reporter: 1, body: text || null, data: null, created_at: now });
    if (back) await repo.updateReport(tx, reportId, { status: 'new', updated_at: now });
    await saveAttachments(tx, reportId, eventId, photos, null);
    await audit(tx, REPORTER, { action: 'report.reply', entityType: 'report', entityId: reportId, organisationId: r.commune_org_id, after: { photos: photos.length, status: back ? 'new' : r.status } });
  });
}

export async function rate(db: Db, reportId: string, rating: number): Promise<void> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new AppError('VALIDATION', 'ri_err_rating', { field: 'rating' });
  const r = await load(db, reportId);
  if (r.status !== 'resolved' && r.status !== 'closed') throw new AppError('CONFLICT', 'ri_err_not_closed');
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    await repo.updateReport(tx, reportId, { rating, updated_at: now });
    await repo.insertEvent(tx, { id: newId(), report_id: reportId, kind: 'rating', from_status: null, to_status: null, actor_account_id: null, actor_org_id: null, visible_to_reporter: 1, body: String(rating), data: null, created_at: now });
    await audit(tx, REPORTER, { action: 'report.rate', entityType: 'report', entityId: reportId, organisationId: r.commune_org_id, before: { rating: r.rating }, after: { rating } });
  });
}

export async function reopen(db: Db, reportId: string, reason: string, today = todayVn()): Promise<void> {
  const r = await load(db, reportId);
  if (!canReopen(r.status, vnDate(r.resolved_at), today)) throw new AppError('CONFLICT', 'ri_err_reopen');
  if (!reason.trim()) throw new AppError('VALIDATION', 'ri_err_reopen_reason', { field: 'reason' });
  const deadline = await deadlineFor(db, 'verify', r.channel, r.category_id, today);
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    await repo.updateReport(tx, reportId, { status: 'reopened', deadline_kind: 'verify', deadline_on: deadline.dueOn, closed_at: null, updated_at: now });
    await repo.insertEvent(tx, { id: newId(), report_id: reportId, kind: 'status', from_status: r.status, to_status: 'reopened', actor_account_id: null, actor_org_id: null, visible_to_reporter: 1, body: reason.trim().slice(0, LIMITS.descriptionChars), data: null, created_at: now });
    await audit(tx, REPORTER, { action: 'report.reopen', entityType: 'report', entityId: reportId, organisationId: r.commune_org_id, before: { status: r.status }, after: { status: 'reopened' } });
  });
}
