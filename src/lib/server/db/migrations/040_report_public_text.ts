/**
 * What the public reads of a report can differ from what the reporter wrote: the officer may
 * redact names or house numbers before publishing, while the original stays untouched as
 * evidence. Open311 clients send photos as links (media_url); the link is kept, never fetched.
 * Frozen in time: takes Kysely<any> and never imports application types.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report').addColumn('public_description', 'text').execute();
  // Folded like description_search, so the public search never finds a redacted word.
  await db.schema.alterTable('report').addColumn('public_search', 'text').execute();
  await db.schema.alterTable('report').addColumn('media_url', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report').dropColumn('media_url').execute();
  await db.schema.alterTable('report').dropColumn('public_search').execute();
  await db.schema.alterTable('report').dropColumn('public_description').execute();
}
