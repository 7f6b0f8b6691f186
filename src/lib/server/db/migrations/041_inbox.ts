/**
 * An officer's in-app notices: what needs them (a new report in their office, a reporter's
 * reply, an extension request, a deadline coming up) and whether they have read it. Each row
 * names a report and a kind only; the words are composed when shown, never stored, so no
 * identity can be kept here. `dedupe_key` makes every producer safe to run twice.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  const ts = pg ? 'timestamptz' : 'text';
  await db.schema
    .createTable('inbox_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // new_report | reply | extension | deadline | answer
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema.createIndex('inbox_item_account').on('inbox_item').columns(['account_id', 'read_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_item').ifExists().execute();
}
