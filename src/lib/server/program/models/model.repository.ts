/** SQL for effective models and their results. */
import type { Db } from '$lib/server/db';
import type { ModelResultTable, ModelTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';

type Scope = ReturnType<typeof scopeSubquery>;

export async function insertModel(db: Db, row: ModelTable): Promise<void> {
  await db.insertInto('model').values(row).execute();
}

export async function updateModelRow(db: Db, id: string, patch: Partial<ModelTable>): Promise<void> {
  await db.updateTable('model').set(patch).where('id', '=', id).execute();
}

/** Replications keep existing: they lose their link to the deleted original. */
export async function deleteModelRow(db: Db, id: string): Promise<void> {
  await db.updateTable('model').set({ replicated_from_id: null }).where('replicated_from_id', '=', id).execute();
  await db.deleteFrom('model_result').where('model_id', '=', id).execute();
  await db.deleteFrom('model').where('id', '=', id).execute();
}

export async function findModel(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('model')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function lockModel(db: Db, id: string) {
  await db
    .updateTable('model')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .execute();
  return db.selectFrom('model').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertModelResult(db: Db, row: ModelResultTable): Promise<void> {
  await db.insertInto('model_result').values(row).execute();
}

export async function findModelResults(db: Db, modelId: string) {
  return db
    .selectFrom('model_result')
    .selectAll()
    .where('model_id', '=', modelId)
    .orderBy('recorded_on')
    .orderBy('id')
    .execute();
}

/** Models in scope with the id of the model each was replicated from (the replication forest). */
export async function listModelRows(db: Db, scope: Scope, f: { organisationId?: string; status?: string }) {
  let q = db.selectFrom('model').selectAll().where('organisation_id', 'in', scope);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.status) q = q.where('status', '=', f.status as ModelTable['status']);
  return q.orderBy('started_on').orderBy('id').execute();
}
