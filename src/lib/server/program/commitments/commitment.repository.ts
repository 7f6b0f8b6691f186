/** SQL for commitments. */
import { validOn } from '$lib/server/db/predicates';
import type { Db } from '$lib/server/db';
import type { CommitmentTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';

type Scope = ReturnType<typeof scopeSubquery>;

export async function insertCommitment(db: Db, row: CommitmentTable): Promise<void> {
  await db.insertInto('commitment').values(row).execute();
}

export async function updateCommitmentRow(db: Db, id: string, patch: Partial<CommitmentTable>): Promise<void> {
  await db.updateTable('commitment').set(patch).where('id', '=', id).execute();
}

export async function deleteCommitmentRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('commitment').where('id', '=', id).execute();
}

export async function findCommitment(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('commitment')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

/** No-op UPDATE to take the row lock before reading (see activity.repository lockActivity). */
export async function lockCommitment(db: Db, id: string) {
  await db
    .updateTable('commitment')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .execute();
  return db.selectFrom('commitment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function villageValidOn(db: Db, unitId: string, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('id', '=', unitId)
    .where('level', '=', 'village')
    .where(validOn('admin_unit', date))
    .executeTakeFirst();
  return !!row;
}

export async function listCommitmentRows(
  db: Db,
  scope: Scope,
  f: { organisationId?: string; villageId?: string },
  limit: number,
  offset: number
) {
  let q = db.selectFrom('commitment').selectAll().where('organisation_id', 'in', scope);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.villageId) q = q.where('village_unit_id', '=', f.villageId);
  return q.orderBy('signed_on', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}
