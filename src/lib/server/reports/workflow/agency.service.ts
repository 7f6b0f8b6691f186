/**
 * Agency track: accept (thụ lý) or return, assign an officer, record actions, extensions
 * (requested by officers, decided by the agency manager, limited per channel by the deadline
 * rule), and closing with a structured outcome that flows back to the reporter's timeline.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { ownsFiles } from '$lib/server/db/owned-files';
import { todayVn } from '$lib/shared/format';
import type { Outcome } from '$lib/shared/reports/outcome';
import { applyStep, due, loadForAction, step } from './core';
import { atomically } from './transition';
import {
  decideExtensionRow,
  insertAttachment,
  insertExtension,
  officersCovering,
  pendingExtension,
  type ReportRow
} from './workflow.repository';
import { storeDocument, checkDocument, type UploadedDocument } from './documents';
import { deadlineFor } from '../deadline.service';

export async function acceptReport(db: Db, actor: Actor, id: string, note: string, now = new Date()): Promise<void> {
  const r = await loadForAction(db, actor, id, 'agency');
  const today = todayVn(now);
  const deadline = await due(db, r, 'resolve', today, r.extensions_used);
  await step(db, actor, {
    r,
    side: 'agency',
    to: 'accepted',
    action: 'report.accept',
    event: { visible: true },
    internalNote: note || null,
    patch: { accepted_on: today, deadline_kind: 'resolve', deadline_on: deadline }
  });
}

/** Back to the association, which may forward elsewhere; it gets a fresh verification period. */
export async function returnReport(db: Db, actor: Actor, id: string, reason: string, now = new Date()): Promise<void> {
  const r = await loadForAction(db, actor, id, 'agency');
  const deadline = await due(db, r, 'verify', todayVn(now));
  await step(db, actor, {
    r,
    side: 'agency',
    to: 'returned',
    action: 'report.return',
    event: { visible: true },
    internalNote: reason,
    patch: { deadline_kind: 'verify', deadline_on: deadline, assigned_account_id: null }
  });
}

/** Recording work on an accepted report starts it: accepted → in progress. */
const startsWork = (r: ReportRow) => (r.status === 'accepted' ? ('in_progress' as const) : undefined);

export async function assignOfficer(db: Db, actor: Actor, id: string, accountId: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'agency');
  const officers = await officersCovering(db, r.agency_org_id!, ['agency_officer']);
  if (!officers.some((o) => o.id === accountId))
    throw new AppError('VALIDATION', 'rw_err_officer', { field: 'account_id' });
  if (!['accepted', 'in_progress', 'extension_requested'].includes(r.status))
    throw new AppError('CONFLICT', 'rw_err_transition');
  await step(db, actor, {
    r,
    side: 'agency',
    to: startsWork(r),
    action: 'report.assign',
    event: { kind: 'note', data: { assigned_account_id: accountId } },
    patch: { assigned_account_id: accountId }
  });
}

export async function recordAction(db: Db, actor: Actor, id: string, note: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'agency');
  if (!['accepted', 'in_progress', 'extension_requested'].includes(r.status))
    throw new AppError('CONFLICT', 'rw_err_transition');
  await step(db, actor, {
    r,
    side: 'agency',
    to: startsWork(r),
    action: 'report.note',
    event: { kind: 'note', body: note }
  });
}

export async function requestExtension(db: Db, actor: Actor, id: string, reason: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'agency');
  if (!r.accepted_on) throw new AppError('CONFLICT', 'rw_err_transition');
  // Refuse up front when the channel's limit is reached (deadlineFor throws CONFLICT then).
  const next = await deadlineFor(db, 'resolve', r.channel, r.category_id, r.accepted_on, r.extensions_used + 1);
  await atomically(db, async (tx) => {
    await applyStep(tx, actor, {
      r,
      side: 'agency',
      to: 'extension_requested',
      action: 'report.extension_request',
      event: { kind: 'extension', visible: true },
      internalNote: reason
    });
    await insertExtension(tx, {
      id: newId(),
      report_id: r.id,
      requested_by_account_id: actor.accountId!,
      reason,
      days: next.rule.extensionDays,
      status: 'pending',
      decided_by_account_id: null,
      decided_at: null,
      decision_note: null,
      created_at: nowIso()
    });
  });
}

/** The agency manager decides; either way the work continues (in progress). */
export async function decideExtension(db: Db, actor: Actor, id: string, approve: boolean, note: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'manager');
  const ext = await pendingExtension(db, r.id);
  if (!ext || !r.accepted_on) throw new AppError('CONFLICT', 'rw_err_transition');
  const used = approve ? r.extensions_used + 1 : r.extensions_used;
  const deadline = approve ? await due(db, r, 'resolve', r.accepted_on, used) : r.deadline_on;
  await atomically(db, async (tx) => {
    await applyStep(tx, actor, {
      r,
      side: 'manager',
      to: 'in_progress',
      action: approve ? 'report.extension_approve' : 'report.extension_deny',
      event: { kind: 'extension', visible: true, data: { approved: approve, deadline_on: deadline } },
      internalNote: note || null,
      patch: { extensions_used: used, deadline_kind: 'resolve', deadline_on: deadline }
    });
    await decideExtensionRow(tx, ext.id, {
      status: approve ? 'approved' : 'denied',
      decided_by_account_id: actor.accountId,
      decided_at: nowIso(),
      decision_note: note || null
    });
  });
}

/**
 * Close with a structured outcome. The resolved event carries the outcome and is visible to
 * the reporter; the association reads it on the same timeline.
 */
export const closeWithOutcome = ownsFiles(async function closeWithOutcome(
  db: Db,
  actor: Actor,
  id: string,
  outcome: Outcome,
  documents: UploadedDocument[] = [],
  now: Date = new Date()
): Promise<void> {
  const r = await loadForAction(db, actor, id, 'agency');
  documents.forEach(checkDocument);
  const stored = await Promise.all(documents.map((d) => storeDocument(r.id, d)));
  await atomically(db, async (tx) => {
    const eventId = await applyStep(tx, actor, {
      r,
      side: 'agency',
      to: 'resolved',
      action: 'report.resolve',
      event: { visible: true, data: { outcome } },
      patch: {
        outcome_kind: outcome.kind,
        outcome_json: JSON.stringify(outcome),
        resolved_at: now.toISOString(),
        deadline_kind: null,
        deadline_on: null
      }
    });
    for (const s of stored) {
      await insertAttachment(tx, {
        id: newId(),
        report_id: r.id,
        event_id: eventId,
        kind: 'document',
        private_path: s.privatePath,
        public_path: null,
        sha256: s.sha256,
        mime: s.mime,
        bytes: s.bytes,
        captured_at: null,
        gps_lat: null,
        gps_lon: null,
        uploaded_by_account_id: actor.accountId,
        created_at: nowIso()
      });
    }
  });
});
