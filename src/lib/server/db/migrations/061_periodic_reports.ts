/**
 * Reports upward (báo cáo định kỳ, sơ kết, tổng kết).
 * - `reporting_setting`: per organisation, the data cut-off of its periods ('decree09', the
 *   15th → 14th of Decree 09/2019, or 'calendar'); no row means Decree 09.
 * - `periodic_report`: one version of one organisation's report for one period. Its status
 *   runs draft → submitted → (returned → submitted …) → accepted; `snapshot` holds the
 *   figures frozen at submission, `narrative` the officer's text per section. A correction of
 *   an accepted report is a new row (version + 1, `supersedes_id`), the old one is marked
 *   'superseded'; an accepted row is never edited.
 * - `periodic_report_event`: each step with who took it and the reviewer's comment.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

/**
 * Column types as they were when this migration landed. Copied rather than imported: a migration
 * must create the same schema forever, whatever later happens to the application's code.
 */
function types(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  return {
    id: 'text',
    text: 'text',
    int: 'integer',
    date: pg ? 'date' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    json: pg ? 'jsonb' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('reporting_setting')
    .addColumn('organisation_id', t.id, (c) => c.primaryKey().references('organisation.id'))
    .addColumn('cutoff', t.text, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('periodic_report')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('program_id', t.id)
    .addColumn('report_kind', t.text, (c) => c.notNull()) // periodic | midterm | final
    .addColumn('period_kind', t.text, (c) => c.notNull()) // month | quarter | half | nine_months | year | range
    .addColumn('year', t.int, (c) => c.notNull())
    .addColumn('period_index', t.int, (c) => c.notNull())
    .addColumn('start_on', t.date, (c) => c.notNull())
    .addColumn('end_on', t.date, (c) => c.notNull())
    .addColumn('cutoff', t.text, (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('supersedes_id', t.id)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('narrative', t.json, (c) => c.notNull())
    .addColumn('snapshot', t.json)
    .addColumn('submitted_at', t.timestamp)
    .addColumn('submitted_by', t.id)
    .addColumn('review_comment', t.text)
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('reviewed_by', t.id)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('periodic_report_version', ['organisation_id', 'report_kind', 'start_on', 'end_on', 'version'])
    .execute();
  await db.schema
    .createIndex('periodic_report_period')
    .on('periodic_report')
    .columns(['start_on', 'end_on', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('periodic_report_event')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('periodic_report.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_name', t.text, (c) => c.notNull())
    .addColumn('from_status', t.text)
    .addColumn('to_status', t.text, (c) => c.notNull())
    .addColumn('comment', t.text)
    .execute();
  await db.schema.createIndex('periodic_report_event_report').on('periodic_report_event').column('report_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['periodic_report_event', 'periodic_report', 'reporting_setting']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
