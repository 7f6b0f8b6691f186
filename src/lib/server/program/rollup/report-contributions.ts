/**
 * What a citizen report adds to the pre-aggregates (migration 135), so a report upward reads
 * its citizen-report and outcome figures like every other figure, from `agg_unit_month`, and
 * a province's 5-year report never counts raw reports. Each rule reads only the report's own
 * row, so a step's delta is contributions(after) − contributions(before) (see transition.ts).
 * The cell is the report's commune organisation and commune unit; a report not yet placed in a
 * commune counts nowhere (as it did when the figures were counted by commune organisation).
 * Months are Vietnamese calendar months of the instants.
 *
 * - reports_received += 1 in the month received (created_at);
 * - reports_forwarded += 1, same month, once it has an agency (of the reports received then);
 * - reports_verified += 1 in the month the association first checked it (checked_at: verified,
 *   escalated, or forwarded straight away);
 * - reports_resolved += 1 in the month resolved (resolved_at); reports_on_time too when it was
 *   resolved by the deadline it was resolved against (resolved_due_on; none: on time);
 * - outcome of a resolved report, same month: violations_fined += 1 and fines_vnd += the fine
 *   when a violation was fined; violations_remedied += 1 when remedies were ordered or the
 *   offender was warned and put it right.
 */
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import type { Outcome } from '$lib/shared/reports/outcome';
import type { Contribution } from './contributions';

/** The citizen-report indicators, in the order a report lists them. */
export const REPORT_CODES = [
  'reports_received',
  'reports_verified',
  'reports_forwarded',
  'reports_resolved',
  'reports_on_time',
  'violations_fined',
  'fines_vnd',
  'violations_remedied'
] as const;

/** The statuses whose first reaching marks the report checked by the association. */
export const CHECKED_STATUSES = ['verified', 'escalated', 'forwarded'];

/** The columns of a report row the rules read (a row as read, or as intake inserts it). */
export interface ReportFacts {
  commune_org_id?: string | null;
  commune_unit_id?: string | null;
  created_at: string;
  agency_org_id?: string | null;
  resolved_at?: string | null;
  outcome_json?: string | null;
  checked_at?: string | null;
  resolved_due_on?: string | null;
}

const vnMonth = (instant: string) => todayVn(new Date(instant)).slice(0, 7);

/** Whether a report resolved at `resolvedAt` against the deadline `due` was on time. */
export const onTime = (resolvedAt: string, due: string | null | undefined) =>
  !due || todayVn(new Date(resolvedAt)) <= due;

export function reportContributions(r: ReportFacts): Contribution[] {
  const org = r.commune_org_id;
  const unit = r.commune_unit_id;
  if (!org || !unit) return [];
  const at = (code: string, instant: string, value = 1): Contribution => ({
    indicator_code: code,
    organisation_id: org,
    admin_unit_id: unit,
    month: vnMonth(instant),
    value
  });
  const out = [at('reports_received', r.created_at)];
  if (r.agency_org_id) out.push(at('reports_forwarded', r.created_at));
  if (r.checked_at) out.push(at('reports_verified', r.checked_at));
  const done = r.resolved_at;
  if (done) {
    out.push(at('reports_resolved', done));
    if (onTime(done, r.resolved_due_on)) out.push(at('reports_on_time', done));
    const o = readJson<Outcome>(r.outcome_json);
    if (o?.kind === 'warned_remedied') out.push(at('violations_remedied', done));
    if (o?.kind === 'violation_confirmed') {
      if (o.fine_vnd > 0) out.push(at('violations_fined', done), at('fines_vnd', done, o.fine_vnd));
      if (o.remedies.trim()) out.push(at('violations_remedied', done));
    }
  }
  return out;
}
