/**
 * Scale: a commune-level pre-aggregate beside agg_unit_month. A row there is the
 * agg_unit_month row "lifted" one level: a village unit becomes its commune, a branch (an
 * organisation whose own unit is a village) becomes its parent organisation. Nationally that
 * folds ~60,000 branches into ~3,300 commune associations, so province and national roll-ups
 * read tens of thousands of cells instead of hundreds of thousands.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Column types as they were when this migration landed. Copied rather than imported: a migration
 * must create the same schema forever, whatever later happens to the application's code.
 */
function types(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  return {
    id: 'text',
    text: 'text',
    bigint: pg ? 'bigint' : 'integer'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('agg_commune_month')
    .addColumn('indicator_code', t.text, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('admin_unit_id', t.id, (c) => c.notNull())
    .addColumn('month', t.text, (c) => c.notNull())
    .addColumn('value', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('agg_commune_month_pk', ['indicator_code', 'organisation_id', 'admin_unit_id', 'month'])
    .execute();
  await db.schema
    .createIndex('agg_commune_month_month')
    .on('agg_commune_month')
    .columns(['indicator_code', 'month'])
    .execute();
  // Existing data: built from agg_unit_month by the same lifting rule as aggregate.repository.ts.
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
    group by 1, 2, 3, 4
    having sum(a.value) <> 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agg_commune_month').execute();
}
