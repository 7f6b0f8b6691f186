/** Form drafts: what a user typed into a form posted after their session had expired. */
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
    timestamp: pg ? 'timestamptz' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('form_draft')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('path', t.text, (c) => c.notNull())
    .addColumn('fields_json', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('form_draft_created').on('form_draft').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('form_draft').ifExists().execute();
}
