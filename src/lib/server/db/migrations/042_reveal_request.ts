/**
 * An officer who needs to contact a protected reporter asks the identity custodian, with a
 * reason; the custodian sees the pending requests and reveals (or declines). The request holds
 * who asked and why, never the identity. Frozen in time: takes Kysely<any> only.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  const ts = pg ? 'timestamptz' : 'text';
  await db.schema
    .createTable('reveal_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | revealed | declined
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('account.id'))
    .addColumn('decided_at', ts)
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('reveal_request_status').on('reveal_request').columns(['status', 'report_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reveal_request').ifExists().execute();
}
