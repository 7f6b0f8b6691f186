/** SQL for the photos of activities and commitments (table program_media, migration 010). */
import type { Db } from '$lib/server/db';
import type { ProgramMediaTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';

type Scope = ReturnType<typeof scopeSubquery>;
export type Owner = ProgramMediaTable['owner_type'];

export async function insertMedia(db: Db, row: ProgramMediaTable): Promise<void> {
  await db.insertInto('program_media').values(row).execute();
}

export async function listMedia(db: Db, owner: Owner, ownerId: string) {
  return db
    .selectFrom('program_media')
    .select(['id', 'bytes', 'created_at'])
    .where('owner_type', '=', owner)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countMedia(db: Db, owner: Owner, ownerId: string): Promise<number> {
  return (await listMedia(db, owner, ownerId)).length;
}

export async function findMediaInScope(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('program_media')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function deleteMediaRows(db: Db, owner: Owner, ownerId: string, ids?: string[]): Promise<void> {
  let q = db.deleteFrom('program_media').where('owner_type', '=', owner).where('owner_id', '=', ownerId);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['-']);
  await q.execute();
}

export async function setOwnerOrganisation(
  db: Db,
  owner: Owner,
  ownerId: string,
  organisationId: string
): Promise<void> {
  await db
    .updateTable('program_media')
    .set({ organisation_id: organisationId })
    .where('owner_type', '=', owner)
    .where('owner_id', '=', ownerId)
    .execute();
}
