/**
 * Accounts: a diacritic-folded search column (display name, username, phone) so the admin
 * list finds "Nguyễn Văn Đức" from "nguyen van duc" on both databases with a plain LIKE.
 * Frozen in time: the folding is copied here rather than imported from application code.
 */
import type { Kysely } from 'kysely';

function fold(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account').addColumn('search_text', 'text').execute();
  const rows = await db.selectFrom('account').select(['id', 'username', 'display_name', 'phone']).execute();
  for (const r of rows) {
    const text = fold([r.display_name, r.username, r.phone ?? ''].join(' '));
    await db.updateTable('account').set({ search_text: text }).where('id', '=', r.id).execute();
  }
  await db.schema.createIndex('audit_event_actor').on('audit_event').column('actor_account_id').execute();
  await db.schema.createIndex('api_token_account').on('api_token').column('account_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_token_account').ifExists().execute();
  await db.schema.dropIndex('audit_event_actor').ifExists().execute();
  await db.schema.alterTable('account').dropColumn('search_text').execute();
}
