/**
 * Public news ("Tin, ảnh") written from the association's recorded work. A news item keeps
 * where it came from (an activity, a model, a handled report, an award) so the public page
 * can link back and a draft can be re-filled; photos keep whether they show people and
 * whether the people shown agreed to publication ("đồng ý đăng ảnh"), and who recorded it.
 * A published item with `publish_at` in the future is scheduled: the public sees it from then.
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
    .createTable('news_item')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('slug', t.text, (c) => c.notNull().unique())
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('summary', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('source_type', t.text, (c) => c.notNull()) // activity | model | report | award | none
    .addColumn('source_id', t.id)
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('admin_unit_id', t.id, (c) => c.references('admin_unit.id'))
    .addColumn('status', t.text, (c) => c.notNull()) // draft | published | unpublished
    .addColumn('publish_at', t.timestamp)
    .addColumn('author_account_id', t.id)
    .addColumn('author_name', t.text, (c) => c.notNull())
    .addColumn('idempotency_key', t.text, (c) => c.unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_item_public').on('news_item').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('news_item_unit').on('news_item').columns(['admin_unit_id', 'publish_at']).execute();
  await db.schema
    .createTable('news_photo')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('news_id', t.id, (c) => c.notNull().references('news_item.id').onDelete('cascade'))
    .addColumn('media_id', t.id, (c) => c.notNull()) // program_media or report attachment
    .addColumn('media_kind', t.text, (c) => c.notNull()) // program_media | attachment
    .addColumn('public_path', t.text, (c) => c.notNull())
    .addColumn('mime', t.text, (c) => c.notNull())
    .addColumn('caption', t.text)
    .addColumn('shows_people', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('consent_recorded_by', t.id)
    .addColumn('consent_recorded_at', t.timestamp)
    .addColumn('sort_order', t.int, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('news_photo_news').on('news_photo').columns(['news_id', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_photo').ifExists().execute();
  await db.schema.dropTable('news_item').ifExists().execute();
}
