/**
 * Photos of program work: up to five per activity, and the signed sheet of a commitment.
 * Like report attachments, the original stays private and a re-encoded copy without metadata
 * is what pages show; `organisation_id` is copied from the owner so access is one scope check.
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
    timestamp: pg ? 'timestamptz' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('program_media')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('owner_type', t.text, (c) => c.notNull()) // activity | commitment
    .addColumn('owner_id', t.id, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('private_path', t.text, (c) => c.notNull())
    .addColumn('public_path', t.text, (c) => c.notNull())
    .addColumn('sha256', t.text, (c) => c.notNull())
    .addColumn('mime', t.text, (c) => c.notNull())
    .addColumn('bytes', t.int, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_media_owner').on('program_media').columns(['owner_type', 'owner_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('program_media').ifExists().execute();
}
