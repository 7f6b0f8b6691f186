/**
 * Requests to make someone an identity custodian. The role that can reveal protected reporter
 * identities is never granted by one administrator alone: one asks, a second administrator
 * approves or refuses, and the request keeps who did which and when.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

function types(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  return {
    id: 'text',
    text: 'text',
    timestamp: pg ? 'timestamptz' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('custodian_request')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('account_id', t.id, (c) => c.notNull().references('account.id'))
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('requested_by', t.id, (c) => c.notNull().references('account.id'))
    .addColumn('requested_at', t.timestamp, (c) => c.notNull())
    .addColumn('decision', t.text) // null while pending | approved | refused
    .addColumn('decided_by', t.id, (c) => c.references('account.id'))
    .addColumn('decided_at', t.timestamp)
    .addColumn('grant_id', t.id)
    .execute();
  await db.schema.createIndex('custodian_request_pending').on('custodian_request').column('decision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('custodian_request').ifExists().execute();
}
