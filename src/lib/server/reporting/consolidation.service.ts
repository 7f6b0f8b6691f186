/**
 * What a parent organisation sees of its children's reports for one period: who submitted,
 * on time or late, who is missing; its figures consolidated from the children's submitted
 * (frozen) figures beside the live figures, and the gap between the two; and reminders to
 * the children still missing, through the notifier's outbox.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { newId, nowIso } from '$lib/server/db/ids';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import type { Figures } from '$lib/shared/reporting/figures';
import { insertNotificationOnce } from './reminder.repository';
import { loadReport, titleOf } from './report.service';
import { READ, REVIEW } from './policy';
import * as repo from './reporting.repository';

export type ChildState = 'on_time' | 'late' | 'missing' | 'pending';

const SUBMITTED = ['submitted', 'accepted'];

/** On time when sent by the due day (Vietnam date); missing once the due day has passed without one. */
export function childState(
  r: { status: string; submitted_at: string | null } | undefined,
  due: string,
  today: string
): ChildState {
  if (r?.submitted_at && (SUBMITTED.includes(r.status) || r.status === 'returned')) {
    return todayVn(new Date(r.submitted_at)) <= due ? 'on_time' : 'late';
  }
  return today > due ? 'missing' : 'pending';
}

export async function childrenOf(db: Db, actor: Actor, id: string, now = new Date()) {
  const row = await loadReport(db, actor, id);
  const children = await repo.childOrgsOn(db, row.organisation_id, row.end_on);
  if (!children.length) return null;
  const reports = await repo.listReports(db, scopeSubquery(db, actor, READ), {
    orgIds: children.map((c) => c.id),
    start: row.start_on,
    end: row.end_on,
    reportKind: row.report_kind
  });
  const byOrg = new Map(reports.map((r) => [r.organisation_id, r]));
  const today = todayVn(now);
  const lines = children.map((c) => {
    const r = byOrg.get(c.id);
    return {
      id: c.id,
      name: c.name,
      report: r ? { id: r.id, status: r.status, submitted_at: r.submitted_at } : null,
      state: childState(r, row.due_on, today),
      frozen: r && SUBMITTED.includes(r.status) ? readJson<Figures>(r.snapshot) : null
    };
  });
  return { row, lines };
}

/** The children's submitted figures summed, against the live figures of the whole subtree. */
export function consolidate(live: Figures, children: { frozen: Figures | null }[]) {
  const sums = new Map<string, number>();
  for (const c of children)
    for (const f of c.frozen?.figures ?? []) sums.set(f.code, (sums.get(f.code) ?? 0) + f.value);
  return live.figures.map((f) => {
    const submitted = sums.get(f.code) ?? 0;
    return { code: f.code, name: f.name, unit: f.unit, submitted, live: f.value, gap: f.value - submitted };
  });
}

/** Queues one reminder per child still missing (once per child and day). Returns how many were queued. */
export async function remindMissing(db: Db, actor: Actor, id: string, now = new Date()): Promise<number> {
  const status = await childrenOf(db, actor, id, now);
  if (!status) return 0;
  await assertInScope(db, actor, REVIEW, status.row.organisation_id);
  const day = todayVn(now);
  let queued = 0;
  await db.transaction().execute(async (tx) => {
    for (const c of status.lines.filter((l) => l.state === 'missing' || l.state === 'pending')) {
      const inserted = await insertNotificationOnce(tx, {
        id: newId(),
        dedupe_key: `report_due:${status.row.id}:${c.id}:${day}`,
        kind: 'report_due',
        organisation_id: c.id,
        account_id: null,
        report_id: null,
        day,
        body_json: JSON.stringify({
          title: titleOf(status.row),
          due_on: status.row.due_on,
          from: status.row.organisation_id
        }),
        status: 'pending',
        created_at: nowIso(),
        sent_at: null
      });
      if (inserted) queued++;
    }
    await audit(tx, actor, {
      action: 'reporting.remind',
      entityType: 'periodic_report',
      entityId: id,
      organisationId: status.row.organisation_id,
      after: { queued }
    });
  });
  return queued;
}
