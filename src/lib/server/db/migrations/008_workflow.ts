/**
 * Report workflow (issue 3, association and agency tracks): notifications. One table is both
 * the record of what was notified and the outbox a delivery worker (email/SMS, later) drains.
 * `dedupe_key` makes the daily reminder and the urgent alert idempotent. Bodies never hold
 * reporter identities: only counts, report ids and categories.
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
    date: pg ? 'date' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    json: pg ? 'jsonb' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('notification')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('dedupe_key', t.text, (c) => c.notNull().unique())
    .addColumn('kind', t.text, (c) => c.notNull()) // overdue | urgent
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('account_id', t.id, (c) => c.references('account.id')) // null = the whole organisation
    .addColumn('report_id', t.id, (c) => c.references('report.id'))
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('body_json', t.json, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull()) // pending | sent | failed
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .execute();
  await db.schema.createIndex('notification_outbox').on('notification').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('notification_org_day').on('notification').columns(['organisation_id', 'day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification').ifExists().execute();
}
