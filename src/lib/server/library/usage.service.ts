/**
 * Which library materials an outreach session used. The activity form records them; the
 * library counts uses per material and commune from these links.
 */
import type { Db } from '$lib/server/db';
import { AppError } from '$lib/server/errors';
import * as repo from './library.repository';

/** Only public materials may be recorded (a withdrawn or unknown one is a field error). */
export async function checkMaterialsUsed(db: Db, ids: string[]): Promise<void> {
  if ((await repo.countPublicMaterials(db, ids)) !== ids.length)
    throw new AppError('VALIDATION', 'public_lib_err_material', { field: 'material_ids' });
}

export const recordMaterialsUsed = (db: Db, activityId: string, ids: string[]) =>
  repo.setActivityMaterials(db, activityId, ids);

export async function materialsUsedBy(db: Db, activityId: string): Promise<string[]> {
  return (await repo.materialsOfActivity(db, activityId)).map((r) => r.id);
}

export async function materialsUsedWithTitles(db: Db, activityId: string) {
  const [used, choices] = await Promise.all([repo.materialsOfActivity(db, activityId), repo.materialChoices(db)]);
  const titles = new Map(choices.map((c) => [c.id, c.title]));
  return used.map((u) => ({ slug: u.slug, title: titles.get(u.id) ?? u.slug }));
}

export const materialChoices = (db: Db) => repo.materialChoices(db);
