/**
 * The citizen-report figures counted straight from the records — the report rows, their
 * events and the resolve steps' audit — with none of the columns or cells the services keep:
 * the reference the pre-aggregates of migration 135 must equal. States the rules of
 * report-contributions.ts once more, from the history rather than from the row.
 */
import type { Db } from '../../../src/lib/server/db';
import { todayVn } from '../../../src/lib/shared/format';
import type { Contribution } from '../../../src/lib/server/program/rollup/contributions';

const month = (instant: unknown) => todayVn(new Date(String(instant))).slice(0, 7);
const json = (v: unknown) => (v == null ? null : typeof v === 'string' ? JSON.parse(v) : v);

/** Every (indicator, organisation, unit, month) cell of the report indicators, non-zero only. */
export async function naiveReportCells(db: Db): Promise<Contribution[]> {
  const [reports, checks, resolves] = await Promise.all([
    db.selectFrom('report').selectAll().execute(),
    db
      .selectFrom('report_event')
      .select(['report_id', 'created_at'])
      .where('to_status', 'in', ['verified', 'escalated', 'forwarded'])
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('audit_event')
      .select(['entity_id', 'before_json'])
      .where('entity_type', '=', 'report')
      .where('action', '=', 'report.resolve')
      .orderBy('at')
      .execute()
  ]);
  const firstCheck = new Map<string, string>();
  for (const e of checks) if (!firstCheck.has(e.report_id)) firstCheck.set(e.report_id, String(e.created_at));
  const due = new Map<string, string | null>();
  for (const a of resolves) if (a.entity_id) due.set(a.entity_id, json(a.before_json)?.deadline_on ?? null);
  const cells = new Map<string, Contribution>();
  const add = (r: (typeof reports)[number], code: string, at: unknown, value = 1) => {
    const c = {
      indicator_code: code,
      organisation_id: r.commune_org_id!,
      admin_unit_id: r.commune_unit_id!,
      month: month(at),
      value
    };
    const k = `${c.indicator_code}|${c.organisation_id}|${c.admin_unit_id}|${c.month}`;
    const cur = cells.get(k);
    if (cur) cur.value += value;
    else cells.set(k, c);
  };
  for (const r of reports) {
    if (!r.commune_org_id || !r.commune_unit_id) continue;
    add(r, 'reports_received', r.created_at);
    if (r.agency_org_id) add(r, 'reports_forwarded', r.created_at);
    if (firstCheck.has(r.id)) add(r, 'reports_verified', firstCheck.get(r.id));
    if (!r.resolved_at) continue;
    add(r, 'reports_resolved', r.resolved_at);
    const d = due.get(r.id);
    if (!d || todayVn(new Date(String(r.resolved_at))) <= d) add(r, 'reports_on_time', r.resolved_at);
    const o = json(r.outcome_json);
    if (o?.kind === 'warned_remedied') add(r, 'violations_remedied', r.resolved_at);
    if (o?.kind === 'violation_confirmed') {
      if (o.fine_vnd > 0) {
        add(r, 'violations_fined', r.resolved_at);
        add(r, 'fines_vnd', r.resolved_at, o.fine_vnd);
      }
      if (String(o.remedies).trim()) add(r, 'violations_remedied', r.resolved_at);
    }
  }
  const key = (c: Contribution) => [c.indicator_code, c.organisation_id, c.admin_unit_id, c.month].join('|');
  return [...cells.values()].filter((c) => c.value !== 0).sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/** The report indicators' cells as the services keep them, in the same order. */
export async function keptReportCells(db: Db, codes: readonly string[]): Promise<Contribution[]> {
  const rows = await db.selectFrom('agg_unit_month').selectAll().where('indicator_code', 'in', codes).execute();
  const key = (c: Contribution) => [c.indicator_code, c.organisation_id, c.admin_unit_id, c.month].join('|');
  return rows.map((r) => ({ ...r, value: Number(r.value) })).sort((a, b) => (key(a) < key(b) ? -1 : 1));
}
