/**
 * The administrator role, like the identity custodian role, is no longer granted by one
 * administrator alone: an administrator can approve custodian grants, so whoever could make an
 * administrator could make a custodian. Requests now say which role they ask for; every request
 * made before this migration asked for the custodian role.
 * Account notices not about a report (a change to who may reveal identities) get their own
 * in-app table, so every person told lands on their notifications page whatever channels they have.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  await db.schema
    .alterTable('custodian_request')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('identity_custodian'))
    .execute();
  await db.schema
    .createTable('account_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('created_at', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .addColumn('read_at', pg ? 'timestamptz' : 'text')
    .execute();
  await db.schema
    .createIndex('account_notice_account')
    .on('account_notice')
    .columns(['account_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_notice').ifExists().execute();
  await db.schema.alterTable('custodian_request').dropColumn('role').execute();
}
