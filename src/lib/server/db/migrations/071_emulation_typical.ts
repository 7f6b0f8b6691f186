/**
 * Typical examples (điển hình tiên tiến): a registration marked by an association level, with
 * its story (the existing `typical_story` column) and the program models it is known for.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  await db.schema
    .alterTable('emu_registration')
    .addColumn('typical_marked_at', pg ? 'timestamptz' : 'text')
    .execute();
  await db.schema.alterTable('emu_registration').addColumn('typical_marked_by', 'text').execute();
  await db.schema
    .createTable('emu_typical_model')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('emu_registration.id'))
    .addColumn('model_id', 'text', (c) => c.notNull().references('model.id'))
    .addPrimaryKeyConstraint('emu_typical_model_pk', ['registration_id', 'model_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('emu_typical_model').ifExists().execute();
  await db.schema.alterTable('emu_registration').dropColumn('typical_marked_by').execute();
  await db.schema.alterTable('emu_registration').dropColumn('typical_marked_at').execute();
}
