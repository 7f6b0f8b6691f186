/**
 * The figures a report quotes on citizen reports: received, verified, forwarded, resolved and
 * resolved on time, and the outcomes of resolved reports — violations fined, the fines' total
 * in đồng, violations whose harm was ordered or put right. They are computed indicators of the
 * pre-aggregates (migration 135, program/rollup/report-contributions.ts), rolled up with the
 * other figures over the months the period closes; this module only gives them their place,
 * link and per-member-unit rows, and lists the sanction decisions behind the fines for the
 * body and the annex (a list, bounded by the period's months and the subtree).
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import { readJson } from '$lib/server/db/dialect';
import type { Figure, Sanction } from '$lib/shared/reporting/figures';
import type { Outcome } from '$lib/shared/reports/outcome';
import { REPORT_CODES } from '$lib/server/program/rollup/report-contributions';
import * as repo from './outcome.repository';

export { REPORT_CODES };

/** The member units (direct children) of the report's organisation, and where an organisation's counts go. */
export interface Members {
  children: { id: string; name: string }[];
  /** for each commune organisation, the member unit it lies under (none: the organisation's own) */
  placeAll: (orgIds: string[]) => Promise<Map<string, string>>;
}

/** The list behind every citizen-report figure: the officers' queue. */
export const REPORT_LINK = '/queue';

/** Midnight in Vietnam (UTC+7 all year) at the start of month 'YYYY-MM', as a UTC instant. */
export function vnMonthStart(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1) - 7 * 3600_000).toISOString();
}

const nextMonth = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * The sanction decisions of the reports of `orgs` resolved in the months (their latest
 * outcome, as the figures count it): commune, decision number and date, fine, remedies.
 */
export async function sanctionsOf(
  db: Db,
  orgs: OrgScope,
  months: { from: string; to: string } | null
): Promise<Sanction[]> {
  if (!months) return [];
  const rows = await repo.resolvedOutcomes(db, orgs, vnMonthStart(months.from), vnMonthStart(nextMonth(months.to)));
  return rows.flatMap((r) => {
    const o = readJson<Outcome>(r.outcome_json);
    if (o?.kind !== 'violation_confirmed') return [];
    return [
      {
        commune: r.commune,
        decisionNo: o.decision_no,
        decisionDate: o.decision_date || null,
        fineVnd: o.fine_vnd,
        remedies: o.remedies
      }
    ];
  });
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
