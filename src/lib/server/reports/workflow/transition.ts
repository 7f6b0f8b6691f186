/**
 * The only writer of a report's row and status. Officers and reporters decide a step on the
 * report as they last saw it; by the time they submit, someone else may have moved it on. So
 * every step runs in one transaction that re-reads the report under a lock, refuses when the
 * status is no longer the one the actor saw, checks the state machine, updates only while the
 * status is still that one (compare-and-set) and writes the event. The step that loses a race
 * gets "the report changed meanwhile" with the status it is in now.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Updateable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { ReportTable } from '$lib/server/db/schema';
import { isLockContention, takeWriteLock } from '$lib/server/db/dialect';
import { newId, nowIso } from '$lib/server/db/ids';
import { undoFilesOnFailure } from '$lib/server/db/owned-files';
import { AppError, notFound } from '$lib/server/errors';
import { canTransition, isStatus, type ReportStatus, type Side } from '$lib/shared/reports/status';
import { noticeStep } from '$lib/server/notify/notices';
import { applyDeltas } from '$lib/server/program/rollup/aggregate.repository';
import { delta } from '$lib/server/program/rollup/contributions';
import { CHECKED_STATUSES, reportContributions } from '$lib/server/program/rollup/report-contributions';
import { insertEvent, lockReport, setReportIf, type ReportRow } from './workflow.repository';

export interface NewEvent {
  kind: string;
  body?: string | null;
  data?: string | null;
  visible: boolean;
  actorAccountId: string | null;
  actorOrgId: string | null;
}

export interface Transition {
  reportId: string;
  /** The status the actor saw when choosing this step. */
  expected: string;
  /** Omitted: the step records something without moving the report. */
  to?: ReportStatus;
  side: Side;
  patch?: Updateable<ReportTable>;
  event: NewEvent;
}

/** Another step got there first; the message names the report's status now (in the reader's words). */
export function reportChanged(current: string): AppError {
  return new AppError('CONFLICT', 'sec_report_changed', {
    current,
    status: current,
    ...(isStatus(current) ? { labels: { status: `reports_status_${current}` } } : {})
  });
}

/**
 * The two facts the report figures need that no step states (report-contributions.ts): when
 * the association first checked the report, and the deadline a resolve is measured against
 * (read here, under the lock, before the resolve clears it).
 */
function facts(before: ReportRow, c: Transition, now: string): Updateable<ReportTable> {
  const out: Updateable<ReportTable> = {};
  if (!before.checked_at && c.to && CHECKED_STATUSES.includes(c.to)) out.checked_at = now;
  if (c.patch?.resolved_at) out.resolved_due_on = before.deadline_on;
  return out;
}

/** Inside the caller's transaction. Returns the report as it was before and the event's id. */
export async function transition(tx: Db, c: Transition): Promise<{ before: ReportRow; eventId: string }> {
  await takeWriteLock(tx);
  const before = await lockReport(tx, c.reportId);
  if (!before) throw notFound();
  if (before.status !== c.expected) throw reportChanged(before.status);
  if (c.to && !(isStatus(before.status) && canTransition(before.status, c.to, c.side)))
    throw new AppError('CONFLICT', 'rw_err_transition');
  const now = nowIso();
  const patch: Updateable<ReportTable> = {
    ...c.patch,
    ...(c.to ? { status: c.to } : {}),
    ...facts(before, c, now),
    updated_at: now
  };
  // The lock makes this hold already; the status guard keeps it true even without one.
  if (!(await setReportIf(tx, c.reportId, c.expected, patch))) {
    throw reportChanged((await lockReport(tx, c.reportId))?.status ?? c.expected);
  }
  // The report figures' pre-aggregates move with the row, in the same transaction.
  await applyDeltas(tx, delta(reportContributions(before), reportContributions({ ...before, ...patch } as ReportRow)));
  const eventId = newId();
  await insertEvent(tx, {
    id: eventId,
    report_id: c.reportId,
    kind: c.event.kind,
    from_status: c.to ? before.status : null,
    to_status: c.to ?? null,
    actor_account_id: c.event.actorAccountId,
    actor_org_id: c.event.actorOrgId,
    visible_to_reporter: c.event.visible ? 1 : 0,
    body: c.event.body ?? null,
    data: c.event.data ?? null,
    created_at: now
  });
  // Whoever must now act, or the reporter answered, hears of it in the same transaction.
  await noticeStep(tx, {
    reportId: c.reportId,
    eventId,
    side: c.side,
    to: c.to,
    kind: c.event.kind,
    visible: c.event.visible
  });
  return { before, eventId };
}

const ATTEMPTS = 4;

/**
 * A transaction for report steps. When the database gives up waiting for the lock (another
 * process holds SQLite's writer lock past the busy timeout, a PostgreSQL deadlock), the whole
 * step runs again: it then re-reads the report and either applies or reports the change.
 */
export async function atomically<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Each attempt's files go with its rollback (see owned-files.ts).
      return await undoFilesOnFailure(() => db.transaction().execute(fn));
    } catch (e) {
      if (!isLockContention(e) || attempt >= ATTEMPTS) throw e;
      await sleep(10 * attempt * attempt);
    }
  }
}
