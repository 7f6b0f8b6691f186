/**
 * The computed indicators as plain GROUP BY queries over the raw rows: the reference the
 * pre-aggregates must equal (property test) and the baseline the bench compares against.
 * Mirrors contributions.ts rule for rule; keep the two in step.
 */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Contribution } from '../../../src/lib/server/program/rollup/contributions';
import type { orgSubquery } from '../../../src/lib/server/program/rollup/aggregate.repository';

type Table = 'activity' | 'commitment' | 'model';
interface Spec {
  code: string;
  table: Table;
  unit: 'admin_unit_id' | 'village_unit_id';
  date: 'started_on' | 'signed_on' | 'ended_on';
  /** sum of this column, or a constant per row */
  value: 'count_total' | 'count_elderly' | 'count_women' | 'count_ethnic_minority' | 1 | -1;
  where?: [string, string];
}

const SPECS: Spec[] = [
  {
    code: 'elderly_participants',
    table: 'activity',
    unit: 'admin_unit_id',
    date: 'started_on',
    value: 'count_elderly'
  },
  {
    code: 'outreach_sessions',
    table: 'activity',
    unit: 'admin_unit_id',
    date: 'started_on',
    value: 1,
    where: ['kind', 'outreach']
  },
  {
    code: 'outreach_participants',
    table: 'activity',
    unit: 'admin_unit_id',
    date: 'started_on',
    value: 'count_total',
    where: ['kind', 'outreach']
  },
  ...(
    [
      ['outreach_elderly', 'count_elderly'],
      ['outreach_women', 'count_women'],
      ['outreach_ethnic', 'count_ethnic_minority']
    ] as const
  ).map(([code, value]): Spec => ({
    code,
    table: 'activity',
    unit: 'admin_unit_id',
    date: 'started_on',
    value,
    where: ['kind', 'outreach']
  })),
  {
    code: 'trainings',
    table: 'activity',
    unit: 'admin_unit_id',
    date: 'started_on',
    value: 1,
    where: ['kind', 'training']
  },
  {
    code: 'training_participants',
    table: 'activity',
    unit: 'admin_unit_id',
    date: 'started_on',
    value: 'count_total',
    where: ['kind', 'training']
  },
  {
    code: 'campaign_days',
    table: 'activity',
    unit: 'admin_unit_id',
    date: 'started_on',
    value: 1,
    where: ['kind', 'campaign_day']
  },
  {
    code: 'commitments_households',
    table: 'commitment',
    unit: 'village_unit_id',
    date: 'signed_on',
    value: 1,
    where: ['party', 'household']
  },
  {
    code: 'commitments_persons',
    table: 'commitment',
    unit: 'village_unit_id',
    date: 'signed_on',
    value: 1,
    where: ['party', 'person']
  },
  { code: 'new_models', table: 'model', unit: 'admin_unit_id', date: 'started_on', value: 1 },
  { code: 'active_models', table: 'model', unit: 'admin_unit_id', date: 'started_on', value: 1 },
  { code: 'active_models', table: 'model', unit: 'admin_unit_id', date: 'ended_on', value: -1 }
];

export interface NaiveFilter {
  codes?: string[];
  /** inclusive 'YYYY-MM' bounds on the record's month */
  from?: string | null;
  to?: string;
  /** restrict to these organisations (subquery or list) */
  orgs?: ReturnType<typeof orgSubquery>;
}

const nextMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

async function run(db: Db, s: Spec, f: NaiveFilter): Promise<Contribution[]> {
  // cast(date as text) is 'YYYY-MM-DD' on both databases, so substr gives the month.
  const month = sql<string>`substr(cast(${sql.ref(s.date)} as text), 1, 7)`;
  const value =
    typeof s.value === 'number' ? sql<number>`count(*) * ${sql.lit(s.value)}` : sql<number>`sum(${sql.ref(s.value)})`;
  let q = (db as Db)
    .selectFrom(s.table as 'activity')
    .select([
      sql.lit(s.code).as('indicator_code'),
      'organisation_id',
      sql.ref<string>(s.unit).as('admin_unit_id'),
      month.as('month'),
      value.as('value')
    ])
    .where(sql.ref(s.date), 'is not', null)
    .groupBy(['organisation_id', sql.ref(s.unit), month]);
  if (s.where) q = q.where(sql.ref(s.where[0]), '=', s.where[1]);
  if (f.from) q = q.where(sql.ref(s.date), '>=', `${f.from}-01`);
  if (f.to) q = q.where(sql.ref(s.date), '<', nextMonth(f.to));
  if (f.orgs) q = q.where('organisation_id', 'in', f.orgs);
  const rows = await q.execute();
  return rows.map((r) => ({ ...(r as unknown as Contribution), value: Number(r.value) }));
}

/** Every (indicator, organisation, unit, month) cell computed from the raw rows, non-zero only. */
export async function naiveAggregates(db: Db, f: NaiveFilter = {}): Promise<Contribution[]> {
  const cells = new Map<string, Contribution>();
  for (const s of SPECS) {
    if (f.codes && !f.codes.includes(s.code)) continue;
    for (const r of await run(db, s, f)) {
      const k = `${r.indicator_code}|${r.organisation_id}|${r.admin_unit_id}|${r.month}`;
      const cur = cells.get(k);
      if (cur) cur.value += r.value;
      else cells.set(k, r);
    }
  }
  const key = (c: Contribution) => [c.indicator_code, c.organisation_id, c.admin_unit_id, c.month].join('|');
  return [...cells.values()]
    .filter((c) => c.value !== 0)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
