import type { Db } from '$lib/server/db';
import type { FormDraftTable } from '$lib/server/db/schema';

export async function insertDraft(db: Db, row: FormDraftTable): Promise<void> {
  await db.insertInto('form_draft').values(row).execute();
}

export async function findDraft(db: Db, id: string, path: string, notBefore: string) {
  return db
    .selectFrom('form_draft')
    .select('fields_json')
    .where('id', '=', id)
    .where('path', '=', path)
    .where('created_at', '>=', notBefore)
    .executeTakeFirst();
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('form_draft').where('id', '=', id).execute();
}

export async function deleteDraftsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('form_draft').where('created_at', '<', before).execute();
}

export async function countDrafts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('form_draft')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
