/**
 * Outreach participants by group as computed indicators, so reports read them from the
 * pre-aggregates like every other figure (a province's 5-year report no longer sums the raw
 * activities): per outreach session, outreach_elderly += count_elderly, outreach_women +=
 * count_women, outreach_ethnic += count_ethnic_minority (contributions.ts).
 * They detail outreach_participants ("trong đó"): `active = 0` keeps them off the plan form
 * and the dashboard, which list the indicators an officer sets targets for; the roll-up reads
 * an indicator by code whatever its flag.
 * Existing activities are folded in here, both tables, by the lifting rule of migration 011.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { sql, type Kysely } from 'kysely';

const AT = '2026-12-02T00:00:00.000Z';

const GROUPS: [string, string, string, string][] = [
  ['outreach_elderly', 'count_elderly', 'Trong đó: lượt người cao tuổi nghe tuyên truyền', 'Of whom elderly'],
  ['outreach_women', 'count_women', 'Trong đó: lượt phụ nữ nghe tuyên truyền', 'Of whom women'],
  [
    'outreach_ethnic',
    'count_ethnic_minority',
    'Trong đó: lượt người dân tộc thiểu số nghe tuyên truyền',
    'Of whom ethnic minorities'
  ]
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('indicator')
    .values(
      GROUPS.map(([code, , vi, en], i) => ({
        id: `ind-${code}`,
        code,
        name_vi: vi,
        name_en: en,
        unit: 'lượt',
        source: 'computed',
        definition_key: code,
        aggregation: 'flow',
        sort_order: 100 + i,
        active: 0,
        created_at: AT
      }))
    )
    .execute();
  for (const [code, column] of GROUPS) {
    // cast(date as text) is 'YYYY-MM-DD' on both databases
    await sql`
      insert into agg_unit_month (indicator_code, organisation_id, admin_unit_id, month, value)
      select ${code}, organisation_id, admin_unit_id, substr(cast(started_on as text), 1, 7), sum(${sql.ref(column)})
      from activity
      where kind = 'outreach'
      group by organisation_id, admin_unit_id, substr(cast(started_on as text), 1, 7)
      having sum(${sql.ref(column)}) <> 0`.execute(db);
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
      where a.indicator_code = ${code}
      group by 1, 2, 3, 4
      having sum(a.value) <> 0`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const codes = GROUPS.map(([c]) => c);
  await db.deleteFrom('agg_commune_month').where('indicator_code', 'in', codes).execute();
  await db.deleteFrom('agg_unit_month').where('indicator_code', 'in', codes).execute();
  await db.deleteFrom('indicator').where('code', 'in', codes).execute();
}
