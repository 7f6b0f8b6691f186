/**
 * Citizen-report and outcome figures in the pre-aggregates, so reports upward read them like
 * every other figure (program/rollup/report-contributions.ts states the rules the services
 * keep current): reports received / verified / forwarded / resolved / resolved on time, and
 * violations fined, fines (đồng), violations remedied, as computed indicators kept off plans
 * and dashboards (`active = 0`, as in migration 062).
 * Two facts the rules need become columns of `report`, filled from the history:
 * - `checked_at`: when the association first checked the report (the first event to
 *   verified, escalated or forwarded);
 * - `resolved_due_on`: the deadline its latest resolve was measured against (the resolve's
 *   audit keeps it; the row clears `deadline_on` on resolving).
 * Existing reports are folded into both aggregate tables (the lifting rule of migration 011).
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

const AT = '2026-12-03T00:00:00.000Z';

const INDICATORS: [string, string, string, string][] = [
  ['reports_received', 'Số phản ánh tiếp nhận', 'Citizen reports received', 'phản ánh'],
  ['reports_verified', 'Số phản ánh đã xác minh', 'Citizen reports verified', 'phản ánh'],
  ['reports_forwarded', 'Số phản ánh chuyển cơ quan chức năng', 'Citizen reports forwarded to an agency', 'phản ánh'],
  ['reports_resolved', 'Số phản ánh đã được xử lý', 'Citizen reports resolved', 'phản ánh'],
  ['reports_on_time', 'Số phản ánh được xử lý đúng hạn', 'Citizen reports resolved on time', 'phản ánh'],
  ['violations_fined', 'Số vụ vi phạm bị xử phạt', 'Violations fined', 'vụ'],
  ['fines_vnd', 'Tổng số tiền xử phạt', 'Total fines', 'đồng'],
  ['violations_remedied', 'Số vụ được khắc phục hậu quả', 'Violations remedied', 'vụ']
];

/** Vietnam's calendar day of an instant (UTC+7 all year). */
const vnDay = (instant: string) => new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

const parse = (v: unknown): any => {
  if (v == null) return null;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
};

interface Row {
  id: string;
  commune_org_id: string | null;
  commune_unit_id: string | null;
  created_at: unknown;
  agency_org_id: string | null;
  resolved_at: unknown;
  outcome_json: unknown;
  checked_at: unknown;
  resolved_due_on: unknown;
}

const text = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));

/** The rules of report-contributions.ts as they were when this migration landed. */
function contributions(r: Row): [string, string, string, string, number][] {
  const org = r.commune_org_id;
  const unit = r.commune_unit_id;
  if (!org || !unit) return [];
  const at = (code: string, instant: string, value = 1): [string, string, string, string, number] => [
    code,
    org,
    unit,
    vnDay(instant).slice(0, 7),
    value
  ];
  const created = text(r.created_at)!;
  const out = [at('reports_received', created)];
  if (r.agency_org_id) out.push(at('reports_forwarded', created));
  const checked = text(r.checked_at);
  if (checked) out.push(at('reports_verified', checked));
  const done = text(r.resolved_at);
  if (done) {
    out.push(at('reports_resolved', done));
    const due = text(r.resolved_due_on)?.slice(0, 10);
    if (!due || vnDay(done) <= due) out.push(at('reports_on_time', done));
    const o = parse(r.outcome_json);
    if (o?.kind === 'warned_remedied') out.push(at('violations_remedied', done));
    if (o?.kind === 'violation_confirmed') {
      const fine = Number(o.fine_vnd) || 0;
      if (fine > 0) out.push(at('violations_fined', done), at('fines_vnd', done, fine));
      if (String(o.remedies ?? '').trim()) out.push(at('violations_remedied', done));
    }
  }
  return out;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  await db.schema
    .alterTable('report')
    .addColumn('checked_at', pg ? 'timestamptz' : 'text')
    .execute();
  await db.schema
    .alterTable('report')
    .addColumn('resolved_due_on', pg ? 'date' : 'text')
    .execute();

  await sql`
    update report set checked_at = (
      select min(e.created_at) from report_event e
      where e.report_id = report.id and e.to_status in ('verified', 'escalated', 'forwarded'))`.execute(db);

  // The deadline of each resolved report's latest resolve, from that step's audit.
  const resolves = await db
    .selectFrom('audit_event')
    .select(['entity_id', 'at', 'before_json'])
    .where('entity_type', '=', 'report')
    .where('action', '=', 'report.resolve')
    .orderBy('at')
    .execute();
  const due = new Map<string, string | null>();
  for (const a of resolves) due.set(a.entity_id, parse(a.before_json)?.deadline_on ?? null);
  for (const [id, day] of due) {
    if (day) await db.updateTable('report').set({ resolved_due_on: day }).where('id', '=', id).execute();
  }

  await db
    .insertInto('indicator')
    .values(
      INDICATORS.map(([code, vi, en, unit], i) => ({
        id: `ind-${code}`,
        code,
        name_vi: vi,
        name_en: en,
        unit,
        source: 'computed',
        definition_key: code,
        aggregation: 'flow',
        sort_order: 200 + i,
        active: 0,
        created_at: AT
      }))
    )
    .execute();

  const cells = new Map<string, [string, string, string, string, number]>();
  const rows = (await db
    .selectFrom('report')
    .select([
      'id',
      'commune_org_id',
      'commune_unit_id',
      'created_at',
      'agency_org_id',
      'resolved_at',
      'outcome_json',
      'checked_at',
      'resolved_due_on'
    ])
    .execute()) as Row[];
  for (const r of rows)
    for (const c of contributions(r)) {
      const k = c.slice(0, 4).join('|');
      const cur = cells.get(k);
      if (cur) cur[4] += c[4];
      else cells.set(k, [...c]);
    }
  const values = [...cells.values()]
    .filter((c) => c[4] !== 0)
    .map(([indicator_code, organisation_id, admin_unit_id, month, value]) => ({
      indicator_code,
      organisation_id,
      admin_unit_id,
      month,
      value
    }));
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto('agg_unit_month')
      .values(values.slice(i, i + 500))
      .execute();
  await sql`
    insert into agg_commune_month (indicator_code, organisation_id, admin_unit_id, month, value)
    select a.indicator_code,
           case when ou.level = 'village' and o.parent_id is not null then o.parent_id else a.organisation_id end,
           case when u.level = 'village' and u.parent_id is not null then u.parent_id else a.admin_unit_id end,
           a.month, sum(a.value)
    from agg_unit_month a
    join admin_unit u on u.id = a.admin_unit_id
    join organisation o on o.id = a.organisation_id
    left join admin_unit ou on ou.id = o.admin_unit_id
    where a.indicator_code in (${sql.join(INDICATORS.map(([c]) => c))})
    group by 1, 2, 3, 4
    having sum(a.value) <> 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const codes = INDICATORS.map(([c]) => c);
  await db.deleteFrom('agg_commune_month').where('indicator_code', 'in', codes).execute();
  await db.deleteFrom('agg_unit_month').where('indicator_code', 'in', codes).execute();
  await db.deleteFrom('indicator').where('code', 'in', codes).execute();
  await db.schema.alterTable('report').dropColumn('resolved_due_on').execute();
  await db.schema.alterTable('report').dropColumn('checked_at').execute();
}
