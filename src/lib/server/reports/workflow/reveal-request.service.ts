/**
 * Asking the identity custodian for a reveal. An officer handling a protected report (on either
 * track) states why they need to reach the reporter; the custodian of that commune sees it in
 * their list (with a count in the menu) and either reveals — which closes the request — or
 * declines with a note. The request is audited; it never holds the identity.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, inScope, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { newId, nowIso } from '$lib/server/db/ids';
import { AppError } from '$lib/server/errors';
import { loadReadable, mayAct } from './core';
import { findIdentity } from './workflow.repository';
import * as repo from './reveal-request.repository';

async function mayAsk(db: Db, actor: Actor, r: Awaited<ReturnType<typeof loadReadable>>): Promise<boolean> {
  if (r.protection === 'anonymous') return false;
  const officer = (await mayAct(db, actor, r, 'association')) || (await mayAct(db, actor, r, 'agency'));
  return officer && !!(await findIdentity(db, r.id));
}

/** For the report page: may this person ask, and is a request already waiting? */
export async function revealRequestState(db: Db, actor: Actor, reportId: string) {
  const r = await loadReadable(db, actor, reportId);
  const pending = await repo.pendingForReport(db, r.id);
  return { mayAsk: await mayAsk(db, actor, r), pending: pending ? { at: pending.created_at } : null };
}

export async function requestReveal(db: Db, actor: Actor, reportId: string, reason: string): Promise<void> {
  const r = await loadReadable(db, actor, reportId);
  if (!(await mayAsk(db, actor, r))) throw new AppError('FORBIDDEN', 'rw_err_forbidden');
  if (await repo.pendingForReport(db, r.id)) return; // one waiting request is enough
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await repo.insertRevealRequest(tx, {
      id,
      report_id: r.id,
      requested_by: actor.accountId!,
      reason,
      status: 'pending',
      created_at: nowIso(),
      decided_by: null,
      decided_at: null,
      decision_note: null
    });
    await audit(tx, actor, {
      action: 'reveal.request',
      entityType: 'report_identity',
      entityId: r.id,
      organisationId: r.commune_org_id,
      note: reason
    });
  });
}

export async function pendingRevealRequests(db: Db, actor: Actor) {
  if (!can(actor, 'identity.reveal')) throw new AppError('FORBIDDEN');
  const rows = await repo.pendingInScope(db, scopeSubquery(db, actor, 'identity.reveal'));
  return rows.map((q) => ({
    id: q.id,
    reportId: q.report_id,
    ref: q.report_id.slice(0, 8).toUpperCase(),
    reason: q.reason,
    askedBy: q.asked_by,
    at: q.created_at,
    category: { vi: q.name_vi, en: q.name_en }
  }));
}

export async function countRevealRequests(db: Db, actor: Actor): Promise<number> {
  return can(actor, 'identity.reveal') && actor.kind === 'account'
    ? repo.countPendingInScope(db, scopeSubquery(db, actor, 'identity.reveal'))
    : 0;
}

/** Called by the reveal itself (same scope check already passed there). */
export async function closeRevealRequests(db: Db, actor: Actor, reportId: string): Promise<void> {
  await repo.decidePending(db, reportId, {
    status: 'revealed',
    decided_by: actor.accountId,
    decided_at: nowIso(),
    decision_note: null
  });
}

export async function declineRevealRequests(db: Db, actor: Actor, reportId: string, note: string): Promise<void> {
  const r = await loadReadable(db, actor, reportId);
  if (!(await inScope(db, actor, 'identity.reveal', r.commune_org_id))) throw new AppError('NOT_FOUND');
  await db.transaction().execute(async (tx) => {
    const n = await repo.decidePending(tx, r.id, {
      status: 'declined',
      decided_by: actor.accountId,
      decided_at: nowIso(),
      decision_note: note
    });
    if (n)
      await audit(tx, actor, {
        action: 'reveal.decline',
        entityType: 'report_identity',
        entityId: r.id,
        organisationId: r.commune_org_id,
        note
      });
  });
}
