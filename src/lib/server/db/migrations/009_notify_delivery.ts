/**
 * Issue 3 (notification delivery): the `notification` outbox gains retry bookkeeping, and
 * accounts an optional email address to deliver to (SMS uses the existing phone).
 * `attempts` counts tries; `next_attempt_at` holds back a failed row until its backoff ends;
 * `last_error` keeps a short technical reason (never a message body or an identity).
 */
import { SqliteAdapter, type Kysely } from 'kysely';

/**
 * Column types as they were when this migration landed. Copied rather than imported: a migration
 * must create the same schema forever, whatever later happens to the application's code.
 */
function types(db: Kysely<any>) {
  const pg = !(db.getExecutor().adapter instanceof SqliteAdapter);
  return {
    text: 'text',
    int: 'integer',
    timestamp: pg ? 'timestamptz' : 'text'
  } as const;
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .alterTable('notification')
    .addColumn('attempts', t.int, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('notification').addColumn('next_attempt_at', t.timestamp).execute();
  await db.schema.alterTable('notification').addColumn('last_error', t.text).execute();
  await db.schema.alterTable('account').addColumn('email', t.text).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account').dropColumn('email').execute();
  for (const c of ['last_error', 'next_attempt_at', 'attempts'])
    await db.schema.alterTable('notification').dropColumn(c).execute();
}
