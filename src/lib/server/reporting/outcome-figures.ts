/**
 * The figures a report quotes beyond the indicators: outreach participants by group (over
 * the same months as the outreach indicators, so the groups never exceed the total), reports
 * verified and resolved on time, and the outcomes of resolved reports — violations fined,
 * the fines' total in đồng, violations whose harm was ordered or put right — with the
 * sanction decisions listed for the annex.
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import type { Figure, Sanction } from '$lib/shared/reporting/figures';
import type { Outcome } from '$lib/shared/reports/outcome';
import type { Period } from '$lib/shared/reporting/periods';
import * as repo from './outcome.repository';

type Months = { from: string; to: string } | null;

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const lastOfMonth = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const figure = (code: string, name: string, unit: string, value: number, link: string | null): Figure => ({
  code,
  name,
  unit,
  value,
  target: null,
  percent: null,
  link,
  children: []
});

/** The outcome of each report resolved in the period (its latest resolve), and whether it was on time. */
export function summariseOutcomes(rows: Awaited<ReturnType<typeof repo.resolvedOutcomes>>) {
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.id, r); // rows come oldest resolve first
  let onTime = 0;
  let fined = 0;
  let fines = 0;
  let remedied = 0;
  const sanctions: Sanction[] = [];
  for (const r of latest.values()) {
    const due = readJson<{ deadline_on?: string | null }>(r.before_json)?.deadline_on ?? null;
    if (!due || todayVn(new Date(r.resolved_at!)) <= due) onTime++;
    const o = readJson<Outcome>(r.outcome_json);
    if (o?.kind === 'warned_remedied') remedied++;
    if (o?.kind !== 'violation_confirmed') continue;
    if (o.fine_vnd > 0) {
      fined++;
      fines += o.fine_vnd;
    }
    if (o.remedies.trim()) remedied++;
    sanctions.push({
      commune: r.commune,
      decisionNo: o.decision_no,
      decisionDate: o.decision_date || null,
      fineVnd: o.fine_vnd,
      remedies: o.remedies
    });
  }
  return { resolved: latest.size, onTime, fined, fines, remedied, sanctions };
}

/** Figures of `orgs` (the subtree in the reader's scope) for the period, and the sanctions list. */
export async function outcomeFigures(db: Db, orgs: OrgScope, period: Period, months: Months) {
  const activities = months
    ? `/program/activities?${new URLSearchParams({ kind: 'outreach', from: dmy(`${months.from}-01`), to: dmy(lastOfMonth(months.to)) })}`
    : null;
  const [groups, verified, rows] = await Promise.all([
    months ? repo.outreachGroups(db, orgs, `${months.from}-01`, lastOfMonth(months.to)) : null,
    repo.verifiedCount(db, orgs, period.start, period.end),
    repo.resolvedOutcomes(db, orgs, period.start, period.end)
  ]);
  const s = summariseOutcomes(rows);
  const queue = '/queue';
  const figures = [
    figure(
      'outreach_elderly',
      'Trong đó: lượt người cao tuổi nghe tuyên truyền',
      'lượt',
      groups?.elderly ?? 0,
      activities
    ),
    figure('outreach_women', 'Trong đó: lượt phụ nữ nghe tuyên truyền', 'lượt', groups?.women ?? 0, activities),
    figure(
      'outreach_ethnic',
      'Trong đó: lượt người dân tộc thiểu số nghe tuyên truyền',
      'lượt',
      groups?.ethnic ?? 0,
      activities
    ),
    figure('reports_verified', 'Số phản ánh đã xác minh', 'phản ánh', verified, queue),
    figure('reports_on_time', 'Số phản ánh được xử lý đúng hạn', 'phản ánh', s.onTime, queue),
    figure('violations_fined', 'Số vụ vi phạm bị xử phạt', 'vụ', s.fined, queue),
    figure('fines_vnd', 'Tổng số tiền xử phạt', 'đồng', s.fines, queue),
    figure('violations_remedied', 'Số vụ được khắc phục hậu quả', 'vụ', s.remedied, queue)
  ];
  return { figures, sanctions: s.sanctions };
}

/** Where each extra figure goes: beside the figure it details, the outcomes last. */
const AFTER: Record<string, string> = {
  outreach_elderly: 'outreach_participants',
  outreach_women: 'outreach_elderly',
  outreach_ethnic: 'outreach_women',
  reports_verified: 'reports_received',
  reports_on_time: 'reports_resolved'
};

export function placeFigures(base: Figure[], extra: Figure[]): Figure[] {
  const out = [...base];
  for (const f of extra) {
    const i = AFTER[f.code] ? out.findIndex((x) => x.code === AFTER[f.code]) : -1;
    if (i < 0) out.push(f);
    else out.splice(i + 1, 0, f);
  }
  return out;
}
