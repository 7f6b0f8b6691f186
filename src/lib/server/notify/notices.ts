/**
 * Who must hear of what, recorded when it happens: a new report reaches the officers of its
 * commune Hội (or the agency it was forwarded to), a reporter's reply the officers verifying it,
 * an extension request the agency's managers, a deadline two days off the office whose move
 * it is. Each becomes an in-app notice per officer and, where the officer set an address, an
 * e-mail through the outbox. A reporter hears when officers answer: in the app when signed in,
 * and by SMS/e-mail when they left a contact (the address is looked up only at delivery).
 * Rows hold kinds and report ids only — never an identity, never the receipt code.
 */
import type { Db } from '$lib/server/db';
import type { InboxItemTable } from '$lib/server/db/schema';
import { newId, nowIso } from '$lib/server/db/ids';
import { addCalendarDays } from '$lib/server/calendar/workdays';
import { todayVn } from '$lib/shared/format';
import { ROLES, roleAllows, type Action } from '$lib/shared/roles';
import { TERMINAL, STATUSES, track, type ReportStatus, type Side } from '$lib/shared/reports/status';
import * as repo from './inbox.repository';

export type NoticeKind = InboxItemTable['kind'];
export type NoticeReport = NonNullable<Awaited<ReturnType<typeof repo.reportForNotice>>>;
type Report = NoticeReport;

const rolesFor = (action: Action) => ROLES.filter((r) => roleAllows(r, action) && r !== 'administrator');
/** How many days ahead an officer is told that a deadline is coming. */
export const DEADLINE_NOTICE_DAYS = 2;

/**
 * Every officer's notice at the office, each in one statement that also reads who they are: a
 * commune Hội with many officers costs one round trip, not one per officer nor one to find them,
 * inside the transaction that files the report. An office with no officers passes the notice to
 * the nearest parent office that has some.
 */
async function noticeStaff(
  db: Db,
  office: string,
  roles: readonly string[],
  kind: NoticeKind,
  key: string,
  reportId: string
) {
  let id: string | null = office;
  for (let depth = 0; id && depth < 4; depth++) {
    const added = await repo.insertInboxForStaff(db, {
      orgId: id,
      roles,
      dedupePrefix: `${kind}:${key}:`,
      kind,
      reportId,
      createdAt: nowIso()
    });
    // Nothing added: this office's officers had all been told already, or it has none.
    if (added.length || (await repo.staffAt(db, id, roles)).length) return { orgId: id, added };
    id = await repo.parentOf(db, id);
  }
  return { orgId: office, added: [] };
}

async function tell(db: Db, r: Report, office: string | null, action: Action, kind: NoticeKind, key: string) {
  if (!office) return 0;
  const { orgId, added } = await noticeStaff(db, office, rolesFor(action), kind, key, r.id);
  for (const s of added)
    if (s.email)
      await outbox(db, {
        key: `notice:${kind}:${key}:${s.id}`,
        kind: 'notice',
        org: orgId,
        account: s.id,
        r,
        notice: kind
      });
  return added.length;
}

async function outbox(
  db: Db,
  o: { key: string; kind: 'notice' | 'answer'; org: string; account: string | null; r: Report; notice: NoticeKind }
) {
  await repo.insertOutboxOnce(db, {
    id: newId(),
    dedupe_key: o.key,
    kind: o.kind,
    organisation_id: o.org,
    account_id: o.account,
    report_id: o.r.id,
    day: todayVn(),
    body_json: JSON.stringify({ notice: o.notice, report_id: o.r.id, category_id: o.r.category_id }),
    status: 'pending',
    created_at: nowIso(),
    sent_at: null
  });
}

/** The Hội office handling the association side now (the province once escalated). */
async function associationOffice(db: Db, r: Report): Promise<string | null> {
  if (!r.commune_org_id) return null;
  return r.status === 'escalated'
    ? ((await repo.parentOf(db, r.commune_org_id)) ?? r.commune_org_id)
    : r.commune_org_id;
}

/**
 * Intake calls this inside the transaction that created the report, with the row it has just
 * written (no need to read it back); moving or placing a report passes only its id.
 */
export async function noticeNewReport(db: Db, reportId: string, written?: Report): Promise<number> {
  const r = written ?? (await repo.reportForNotice(db, reportId));
  return r ? tell(db, r, r.commune_org_id, 'report.verify', 'new_report', r.id) : 0;
}

/**
 * A report moved to another commune: the old commune Hội's officers can no longer open it, so
 * what they were told about it goes too (a notice leading to "not found" helps no one).
 */
export async function withdrawNotices(db: Db, reportId: string, oldOrgId: string | null): Promise<number> {
  if (!oldOrgId) return 0;
  const staff = await repo.staffAt(db, oldOrgId, rolesFor('report.verify'));
  return repo.deleteReportNotices(
    db,
    reportId,
    staff.map((s) => s.id)
  );
}

export interface StepFacts {
  reportId: string;
  eventId: string;
  side: Side;
  to: ReportStatus | undefined;
  kind: string;
  visible: boolean;
}

/** Every report step (transition.ts) passes here, inside its transaction, after the write. */
export async function noticeStep(db: Db, s: StepFacts): Promise<void> {
  const r = await repo.reportForNotice(db, s.reportId);
  if (!r) return;
  if (s.side === 'reporter' && s.kind !== 'rating')
    await tell(db, r, await associationOffice(db, r), 'report.verify', 'reply', s.eventId);
  if (s.to === 'extension_requested')
    await tell(db, r, r.agency_org_id, 'report.approve_extension', 'extension', s.eventId);
  if (s.to === 'forwarded') await tell(db, r, r.agency_org_id, 'report.handle', 'new_report', s.eventId);
  if ((s.side === 'association' || s.side === 'agency') && s.visible) await answer(db, r, s.eventId);
}

/** The reporter hears that officers answered: at most one message a day per report. */
async function answer(db: Db, r: Report, eventId: string): Promise<void> {
  if (r.reporter_account_id)
    await repo.insertInboxOnce(db, {
      id: newId(),
      dedupe_key: `answer:${eventId}`,
      account_id: r.reporter_account_id,
      kind: 'answer',
      report_id: r.id,
      created_at: nowIso(),
      read_at: null
    });
  const org = r.commune_org_id ?? r.agency_org_id;
  if (org && (await repo.hasIdentity(db, r.id)))
    await outbox(db, { key: `answer:${r.id}:${todayVn()}`, kind: 'answer', org, account: null, r, notice: 'answer' });
}

const OPEN = STATUSES.filter((s) => !TERMINAL.includes(s) && s !== 'resolved');

/** Daily job: deadlines within DEADLINE_NOTICE_DAYS; once per officer per deadline. */
export async function noticeDeadlines(db: Db, now = new Date()): Promise<number> {
  const today = todayVn(now);
  const rows = await repo.reportsDueBetween(db, today, addCalendarDays(today, DEADLINE_NOTICE_DAYS), OPEN);
  let created = 0;
  for (const { id } of rows) {
    const r = await repo.reportForNotice(db, id);
    if (!r) continue;
    const agency = track(r.status as ReportStatus) === 'agency';
    const office = agency ? r.agency_org_id : await associationOffice(db, r);
    const action = agency ? 'report.handle' : 'report.verify';
    created += await tell(db, r, office, action, 'deadline', `${r.id}:${r.deadline_kind}:${r.deadline_on}`);
  }
  return created;
}
