/** SQL for uploaded member lists waiting between import steps. */
import type { Db } from '$lib/server/db';
import type { PersonImportTable } from '$lib/server/db/schema';

export async function insertUpload(db: Db, row: PersonImportTable): Promise<void> {
  await db.insertInto('person_import').values(row).execute();
}

export async function findUpload(db: Db, id: string, accountId: string, now: string) {
  return db
    .selectFrom('person_import')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function setUploadMapping(db: Db, id: string, mappingJson: string): Promise<void> {
  await db.updateTable('person_import').set({ mapping_json: mappingJson }).where('id', '=', id).execute();
}

export async function deleteUpload(db: Db, id: string): Promise<void> {
  await db.deleteFrom('person_import').where('id', '=', id).execute();
}

export async function deleteExpiredUploads(db: Db, now: string): Promise<void> {
  await db.deleteFrom('person_import').where('expires_at', '<=', now).execute();
}
