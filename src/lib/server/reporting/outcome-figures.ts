/**
 * The figures a report quotes on citizen reports: received, verified, forwarded, resolved and
 * resolved on time, and the outcomes of resolved reports — violations fined, the fines' total
 * in đồng, violations whose harm was ordered or put right — with the sanction decisions
 * listed for the body and the annex. Each figure has one row per member unit (Phụ lục II).
 * Counted from the reports of one period and one subtree (indexed by commune and date): no
 * pre-aggregate holds them, and the period bounds them.
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import type { Figure, Sanction } from '$lib/shared/reporting/figures';
import type { Outcome } from '$lib/shared/reports/outcome';
import type { Period } from '$lib/shared/reporting/periods';
import * as repo from './outcome.repository';

/** The member units (direct children) of the report's organisation, and where an organisation's counts go. */
export interface Members {
  children: { id: string; name: string }[];
  /** for each commune organisation, the member unit it lies under (none: the organisation's own) */
  placeAll: (orgIds: string[]) => Promise<Map<string, string>>;
}

/** A count with its split over the member units. */
class Tally {
  total = 0;
  readonly by = new Map<string, number>();
  add(child: string | undefined, n: number) {
    this.total += n;
    if (child) this.by.set(child, (this.by.get(child) ?? 0) + n);
  }
}

const tallyOf = (rows: repo.OrgCount[], childOf: Map<string, string>) => {
  const t = new Tally();
  for (const r of rows) t.add(childOf.get(r.org), r.n);
  return t;
};

/** The outcome of each report resolved in the period (its latest resolve), and whether it was on time. */
export function summariseOutcomes(
  rows: Awaited<ReturnType<typeof repo.resolvedOutcomes>>,
  childOf: Map<string, string> = new Map()
) {
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.id, r); // rows come oldest resolve first
  const [onTime, fined, fines, remedied] = [new Tally(), new Tally(), new Tally(), new Tally()];
  const sanctions: Sanction[] = [];
  for (const r of latest.values()) {
    const child = childOf.get(r.org ?? '');
    const due = readJson<{ deadline_on?: string | null }>(r.before_json)?.deadline_on ?? null;
    if (!due || todayVn(new Date(r.resolved_at!)) <= due) onTime.add(child, 1);
    const o = readJson<Outcome>(r.outcome_json);
    if (o?.kind === 'warned_remedied') remedied.add(child, 1);
    if (o?.kind !== 'violation_confirmed') continue;
    if (o.fine_vnd > 0) {
      fined.add(child, 1);
      fines.add(child, o.fine_vnd);
    }
    if (o.remedies.trim()) remedied.add(child, 1);
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
export async function outcomeFigures(db: Db, orgs: OrgScope, period: Period, members: Members) {
  const [counts, verified, rows] = await Promise.all([
    repo.citizenReportCounts(db, orgs, period.start, period.end),
    repo.verifiedCounts(db, orgs, period.start, period.end),
    repo.resolvedOutcomes(db, orgs, period.start, period.end)
  ]);
  const all = [counts.received, counts.forwarded, counts.resolved, verified].flat().map((r) => r.org);
  const childOf = await members.placeAll([...all, ...rows.map((r) => r.org ?? '')]);
  const s = summariseOutcomes(rows, childOf);
  const figure = (code: string, name: string, unit: string, t: Tally): Figure => ({
    code,
    name,
    unit,
    value: t.total,
    target: null,
    percent: null,
    link: '/queue',
    children: members.children.map((c) => ({ id: c.id, name: c.name, value: t.by.get(c.id) ?? 0 }))
  });
  const figures = [
    figure('reports_received', 'Số phản ánh tiếp nhận', 'phản ánh', tallyOf(counts.received, childOf)),
    figure('reports_verified', 'Số phản ánh đã xác minh', 'phản ánh', tallyOf(verified, childOf)),
    figure('reports_forwarded', 'Số phản ánh chuyển cơ quan chức năng', 'phản ánh', tallyOf(counts.forwarded, childOf)),
    figure('reports_resolved', 'Số phản ánh đã được xử lý', 'phản ánh', tallyOf(counts.resolved, childOf)),
    figure('reports_on_time', 'Số phản ánh được xử lý đúng hạn', 'phản ánh', s.onTime),
    figure('violations_fined', 'Số vụ vi phạm bị xử phạt', 'vụ', s.fined),
    figure('fines_vnd', 'Tổng số tiền xử phạt', 'đồng', s.fines),
    figure('violations_remedied', 'Số vụ được khắc phục hậu quả', 'vụ', s.remedied)
  ];
  return { figures, sanctions: s.sanctions };
}

/** Where each detail figure goes: under the figure it details ("trong đó"). */
const AFTER: Record<string, string> = {
  outreach_elderly: 'outreach_participants',
  outreach_women: 'outreach_elderly',
  outreach_ethnic: 'outreach_women'
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
