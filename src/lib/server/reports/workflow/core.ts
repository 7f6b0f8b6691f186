/**
 * The one path every workflow step takes: load the report in scope (else NOT_FOUND), check
 * the actor's side may act, ask the state machine, then write the report, an event and the
 * audit row in one transaction. Audit rows carry statuses and dates only, never identities.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { Updateable } from 'kysely';
import type { ReportTable } from '$lib/server/db/schema';
import { inScope } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { canTransition, isStatus, type ReportStatus } from '$lib/shared/reports/status';
import type { Stage } from '$lib/shared/reports/constants';
import { deadlineFor } from '../deadline.service';
import { findReport, insertEvent, orgParent, type ReportRow } from './workflow.repository';
import { atomically, transition } from './transition';

/** Who acts: the association (commune/province Hội), the agency, or the agency's manager. */
export type ActorSide = 'association' | 'agency' | 'manager';

export async function canRead(db: Db, actor: Actor, r: ReportRow): Promise<boolean> {
  return (
    (await inScope(db, actor, 'report.read', r.commune_org_id)) ||
    (await inScope(db, actor, 'report.read', r.agency_org_id))
  );
}

/** Out of scope answers NOT_FOUND, exactly like a missing report. */
export async function loadReadable(db: Db, actor: Actor, id: string): Promise<ReportRow> {
  const r = await findReport(db, id);
  if (!r || !(await canRead(db, actor, r))) throw notFound();
  return r;
}

/** The organisation acting for this side (escalated reports belong to the province Hội). */
export async function actingOrg(db: Db, r: ReportRow, side: ActorSide): Promise<string | null> {
  if (side !== 'association') return r.agency_org_id;
  return r.status === 'escalated' ? orgParent(db, r.commune_org_id) : r.commune_org_id;
}

export async function mayAct(db: Db, actor: Actor, r: ReportRow, side: ActorSide): Promise<boolean> {
  const org = await actingOrg(db, r, side);
  const action =
    side === 'association' ? 'report.verify' : side === 'agency' ? 'report.handle' : 'report.approve_extension';
  return inScope(db, actor, action, org);
}

export async function loadForAction(db: Db, actor: Actor, id: string, side: ActorSide): Promise<ReportRow> {
  const r = await loadReadable(db, actor, id);
  if (!(await mayAct(db, actor, r, side))) throw new AppError('FORBIDDEN', 'rw_err_forbidden');
  return r;
}

export function assertTransition(r: ReportRow, to: ReportStatus, side: ActorSide): void {
  const from = isStatus(r.status) ? r.status : null;
  if (!from || !canTransition(from, to, side === 'manager' ? 'agency' : side))
    throw new AppError('CONFLICT', 'rw_err_transition', { current: r.status });
}

export interface EventSpec {
  kind?: string;
  body?: string | null;
  data?: Record<string, unknown> | null;
  visible?: boolean;
}

export interface Step {
  r: ReportRow;
  side: ActorSide;
  to?: ReportStatus; // omitted: an event without a status change
  event: EventSpec;
  internalNote?: string | null; // officers only, never shown to the reporter
  patch?: Updateable<ReportTable>;
  action: string; // audit action, e.g. 'report.verify'
  /** More of the old row for the audit trail, when the step changes more than status and deadline. */
  before?: Record<string, unknown>;
}

export async function writeEvent(
  db: Db,
  actor: Actor,
  reportId: string,
  orgId: string | null,
  e: EventSpec & { from?: string | null; to?: string | null }
): Promise<string> {
  const id = newId();
  await insertEvent(db, {
    id,
    report_id: reportId,
    kind: e.kind ?? 'status',
    from_status: e.from ?? null,
    to_status: e.to ?? null,
    actor_account_id: actor.accountId,
    actor_org_id: orgId,
    visible_to_reporter: e.visible ? 1 : 0,
    body: e.body ?? null,
    data: e.data ? JSON.stringify(e.data) : null,
    created_at: nowIso()
  });
  return id;
}

/**
 * Apply one step inside the caller's transaction (see transition.ts): the report must still
 * be in the status the actor saw in `s.r`, otherwise the step is refused as changed meanwhile.
 */
export async function applyStep(tx: Db, actor: Actor, s: Step): Promise<string> {
  if (s.to) assertTransition(s.r, s.to, s.side);
  const org = await actingOrg(tx, s.r, s.side);
  const { eventId } = await transition(tx, {
    reportId: s.r.id,
    expected: s.r.status,
    to: s.to,
    side: s.side === 'manager' ? 'agency' : s.side,
    patch: s.patch,
    event: {
      kind: s.event.kind ?? 'status',
      body: s.event.body,
      data: s.event.data ? JSON.stringify(s.event.data) : null,
      visible: !!s.event.visible,
      actorAccountId: actor.accountId,
      actorOrgId: org
    }
  });
  if (s.internalNote) await writeEvent(tx, actor, s.r.id, org, { kind: 'note', body: s.internalNote, visible: false });
  await audit(tx, actor, {
    action: s.action,
    entityType: 'report',
    entityId: s.r.id,
    organisationId: org,
    before: { status: s.r.status, deadline_on: s.r.deadline_on, ...s.before },
    after: { ...s.patch, ...(s.to ? { status: s.to } : {}) }
  });
  return eventId;
}

/** Run one step atomically. */
export async function step(db: Db, actor: Actor, s: Step): Promise<string> {
  return atomically(db, (tx) => applyStep(tx, actor, s));
}

export async function due(db: Db, r: ReportRow, stage: Stage, start: string, extensions = 0): Promise<string> {
  return (await deadlineFor(db, stage, r.channel, r.category_id, start, extensions)).dueOn;
}
