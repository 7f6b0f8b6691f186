/**
 * The outreach library (tài liệu tuyên truyền): leaflets, law summaries, loudspeaker scripts.
 * A material has one text per language (Vietnamese, Thái, Mông, Dao, Hà Nhì, Lự, other) and
 * each text may carry audio: the re-encoded public copy with its duration and size, and the
 * original upload kept privately. Topics reuse the program's topic list. An activity records
 * which materials it used, so the library can show how often and where each was used.
 * `page_key` ties a material to a public page (the report form, the receipt) whose recorded
 * reading it is. Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

function types(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  return { id: 'text', text: 'text', int: 'integer', timestamp: pg ? 'timestamptz' : 'text' } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('material')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('slug', t.text, (c) => c.notNull().unique())
    .addColumn('kind', t.text, (c) => c.notNull()) // leaflet | law_summary | loudspeaker_script | other
    .addColumn('organisation_id', t.id, (c) => c.notNull().references('organisation.id'))
    .addColumn('page_key', t.text, (c) => c.unique())
    .addColumn('is_public', t.int, (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('material_topic')
    .addColumn('material_id', t.id, (c) => c.notNull().references('material.id').onDelete('cascade'))
    .addColumn('topic_id', t.id, (c) => c.notNull().references('topic.id'))
    .addPrimaryKeyConstraint('material_topic_pk', ['material_id', 'topic_id'])
    .execute();
  await db.schema
    .createTable('material_text')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('material_id', t.id, (c) => c.notNull().references('material.id').onDelete('cascade'))
    .addColumn('language', t.text, (c) => c.notNull()) // vi | thai | mong | dao | hanhi | lu | other
    .addColumn('language_name', t.text, (c) => c.notNull().defaultTo('')) // named when `other` ('' keeps the key unique)
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('body', t.text, (c) => c.notNull())
    .addColumn('audio_path', t.text)
    .addColumn('audio_mime', t.text)
    .addColumn('audio_bytes', t.int)
    .addColumn('audio_ms', t.int)
    .addColumn('original_path', t.text)
    .addColumn('original_mime', t.text)
    .addColumn('original_bytes', t.int)
    .addColumn('updated_by', t.id)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('material_text_lang', ['material_id', 'language', 'language_name'])
    .execute();
  await db.schema
    .createTable('activity_material')
    .addColumn('activity_id', t.id, (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('material_id', t.id, (c) => c.notNull().references('material.id'))
    .addPrimaryKeyConstraint('activity_material_pk', ['activity_id', 'material_id'])
    .execute();
  await db.schema.createIndex('activity_material_material').on('activity_material').column('material_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['activity_material', 'material_text', 'material_topic', 'material'])
    await db.schema.dropTable(name).ifExists().execute();
}
