/**
 * Association track (commune Hội, or the province Hội once escalated): verify, ask the
 * reporter for more, reject, escalate, mark a duplicate, forward to the competent agency.
 * The association's verification deadline covers the whole association step (verify and
 * forward); forwarding replaces it with the agency's acceptance deadline.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { actingOrg, applyStep, canRead, due, loadForAction, step } from './core';
import { issueSlip } from './slip.document';
import { atomically } from './transition';
import { findReport, listAgencies } from './workflow.repository';
import type { ForwardInput, VerifyInput } from './workflow.schema';

export async function verifyReport(db: Db, actor: Actor, id: string, input: VerifyInput): Promise<void> {
  const r = await loadForAction(db, actor, id, 'association');
  await step(db, actor, {
    r,
    side: 'association',
    to: 'verified',
    action: 'report.verify',
    event: { visible: true, data: { site_visit: input.site_visit === 'yes', visit_date: input.visit_date } },
    internalNote: [input.note, input.evidence].filter(Boolean).join('\n\n')
  });
}

/** The question is shown to the reporter on the receipt page; their answer returns it to `new`. */
export async function askForInformation(db: Db, actor: Actor, id: string, message: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'association');
  await step(db, actor, {
    r,
    side: 'association',
    to: 'needs_info',
    action: 'report.needs_info',
    event: { kind: 'message', body: message, visible: true }
  });
}

export async function rejectReport(db: Db, actor: Actor, id: string, reason: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'association');
  await step(db, actor, {
    r,
    side: 'association',
    to: 'rejected',
    action: 'report.reject',
    event: { body: reason, visible: true },
    patch: { deadline_kind: null, deadline_on: null }
  });
}

export async function escalateReport(db: Db, actor: Actor, id: string, note: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'association');
  await step(db, actor, {
    r,
    side: 'association',
    to: 'escalated',
    action: 'report.escalate',
    event: { visible: true },
    internalNote: note || null
  });
}

/** Follow duplicate links to the report that carries the case. */
async function rootOf(db: Db, id: string) {
  let r = await findReport(db, id);
  for (let i = 0; r?.duplicate_of_id && i < 10; i++) r = await findReport(db, r.duplicate_of_id);
  return r;
}

/**
 * Merge `id` into `masterId`: the duplicate closes and its reporter follows the master's
 * public events from now on (see reporterTimeline).
 */
export async function markDuplicate(db: Db, actor: Actor, id: string, masterId: string, note: string): Promise<void> {
  const r = await loadForAction(db, actor, id, 'association');
  const master = await rootOf(db, masterId);
  if (!master || !(await canRead(db, actor, master)))
    throw new AppError('VALIDATION', 'rw_err_master', { field: 'master_id' });
  if (master.id === r.id) throw new AppError('VALIDATION', 'rw_err_master_self', { field: 'master_id' });
  await atomically(db, async (tx) => {
    await applyStep(tx, actor, {
      r,
      side: 'association',
      to: 'duplicate',
      action: 'report.duplicate',
      event: { kind: 'merge', visible: true, data: { master_id: master.id } },
      internalNote: note || null,
      patch: { duplicate_of_id: master.id, deadline_kind: null, deadline_on: null }
    });
    await applyStep(tx, actor, {
      r: master,
      side: 'association',
      action: 'report.merge',
      event: { kind: 'merge', data: { duplicate_id: r.id } }
    });
  });
}

/**
 * Forward to the agency. Without a typed letter number the forwarding slip is issued from the
 * association's register in the same transaction, and its number goes on the timeline.
 */
export async function forwardReport(
  db: Db,
  actor: Actor,
  id: string,
  input: ForwardInput,
  now = new Date()
): Promise<void> {
  const r = await loadForAction(db, actor, id, 'association');
  const agencies = await listAgencies(db);
  const agency = agencies.find((a) => a.id === input.agency_org_id);
  if (!agency) throw new AppError('VALIDATION', 'rw_err_agency', { field: 'agency_org_id' });
  const today = todayVn(now);
  const deadline = await due(db, r, 'accept', today);
  const orgId = await actingOrg(db, r, 'association');
  await atomically(db, async (tx) => {
    const slip =
      input.doc_no || !orgId ? null : await issueSlip(tx, actor, { r, orgId, agency, answerBy: deadline }, now);
    const letter = slip
      ? { doc_no: slip.numberText, doc_date: slip.issuedOn, slip_id: slip.id }
      : { doc_no: input.doc_no, doc_date: input.doc_date };
    await applyStep(tx, actor, {
      r,
      side: 'association',
      to: 'forwarded',
      action: 'report.forward',
      event: {
        kind: 'forward',
        visible: true,
        data: { agency_org_id: agency.id, agency_name: agency.name, ...letter }
      },
      internalNote: input.note || null,
      patch: { agency_org_id: agency.id, assigned_account_id: null, deadline_kind: 'accept', deadline_on: deadline }
    });
  });
}
