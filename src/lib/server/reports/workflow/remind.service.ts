/**
 * Notifications: the daily reminder of due and overdue reports (one per responsible office
 * per day) and the urgent alert to the on-duty officers of the area. Rows are recorded as
 * `pending`; a delivery worker (email/SMS, not built yet) drains them. Bodies hold report ids,
 * statuses and dates only — never a reporter's identity.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import { todayVn } from '$lib/shared/format';
import { TERMINAL, STATUSES, track } from '$lib/shared/reports/status';
import { insertNotificationOnce } from './notification.repository';
import { dueReports, findReport, officersAt, orgParent } from './workflow.repository';
import { suggestedAgency } from './view.service';

const OPEN = STATUSES.filter((s) => !TERMINAL.includes(s) && s !== 'resolved');

interface Due {
  id: string;
  status: string;
  deadline_on: string | null;
  deadline_kind: string | null;
}

/** The office whose move it is: the agency on its track, else the (possibly province) Hội. */
async function responsibleOrg(
  db: Db,
  r: { status: string; commune_org_id: string | null; agency_org_id: string | null }
): Promise<string | null> {
  if (track(r.status as never) === 'agency') return r.agency_org_id;
  return r.status === 'escalated' ? orgParent(db, r.commune_org_id) : r.commune_org_id;
}

/** Idempotent per day: running it twice on one day records nothing new. */
export async function remindOverdue(
  db: Db,
  now = new Date()
): Promise<{ day: string; reports: number; created: number; organisations: number }> {
  const day = todayVn(now);
  const rows = await dueReports(db, day, OPEN);
  const byOrg = new Map<string, Due[]>();
  for (const r of rows) {
    const org = await responsibleOrg(db, r);
    if (!org) continue;
    byOrg.set(org, [
      ...(byOrg.get(org) ?? []),
      { id: r.id, status: r.status, deadline_on: r.deadline_on, deadline_kind: r.deadline_kind }
    ]);
  }
  let created = 0;
  for (const [org, items] of byOrg) {
    const body = {
      overdue: items.filter((i) => i.deadline_on! < day).length,
      dueToday: items.filter((i) => i.deadline_on === day).length,
      reports: items
    };
    const inserted = await insertNotificationOnce(db, {
      id: newId(),
      dedupe_key: `overdue:${org}:${day}`,
      kind: 'overdue',
      organisation_id: org,
      account_id: null,
      report_id: null,
      day,
      body_json: JSON.stringify(body),
      status: 'pending',
      created_at: nowIso(),
      sent_at: null
    });
    if (inserted) created++;
  }
  return { day, reports: rows.length, created, organisations: byOrg.size };
}

/**
 * Hook for intake (A's createReport): alert the association officers of the commune Hội and
 * the agency officers of the routed agency about an urgent report. Safe to call for any
 * report (does nothing unless urgent) and more than once (deduplicated). Pass the
 * transaction that created the report so the alert commits with it.
 */
export async function notifyUrgent(db: Db, report: { id: string }, now = new Date()): Promise<number> {
  const r = await findReport(db, report.id);
  if (!r || r.urgent !== 1) return 0;
  const agency = r.agency_org_id ?? (await suggestedAgency(db, r));
  const targets: [string, string][] = [];
  if (r.commune_org_id) targets.push([r.commune_org_id, 'association_officer']);
  if (agency) targets.push([agency, 'agency_officer']);
  let created = 0;
  for (const [org, role] of targets) {
    const officers = await officersAt(db, org, [role]);
    // No one on duty at that office: address the office itself so the alert is not lost.
    const recipients: (string | null)[] = officers.length ? officers.map((o) => o.id) : [null];
    for (const account of recipients) {
      const inserted = await insertNotificationOnce(db, {
        id: newId(),
        dedupe_key: `urgent:${r.id}:${org}:${account ?? '-'}`,
        kind: 'urgent',
        organisation_id: org,
        account_id: account,
        report_id: r.id,
        day: todayVn(now),
        body_json: JSON.stringify({ report_id: r.id, category_id: r.category_id, status: r.status }),
        status: 'pending',
        created_at: nowIso(),
        sent_at: null
      });
      if (inserted) created++;
    }
  }
  return created;
}
