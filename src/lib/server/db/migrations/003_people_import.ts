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

/**
 * Uploaded member-list spreadsheets waiting between the mapping, preview and confirm steps.
 * Kept in the database (not on disk) so that several app instances share them; bound to the
 * uploading account and deleted when expired or imported.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('person_import')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('account_id', t.id, (c) => c.notNull())
    .addColumn('organisation_id', t.id, (c) => c.notNull())
    .addColumn('file_name', t.text, (c) => c.notNull())
    .addColumn('content_base64', t.text, (c) => c.notNull())
    .addColumn('mapping_json', t.text)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_import_account').on('person_import').column('account_id').execute();
  await db.schema.createIndex('membership_card').on('membership').column('card_number').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('membership_card').ifExists().execute();
  await db.schema.dropTable('person_import').ifExists().execute();
}
