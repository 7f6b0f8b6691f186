/** Form drafts: what a user typed into a form posted after their session had expired. */
import type { Kysely } from 'kysely';
import { types } from '../dialect';

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
