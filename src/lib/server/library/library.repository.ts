/** SQL for the outreach library: materials, their texts per language, topics, and use in activities. */
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import type { OrgScope } from '$lib/server/access/access';
import type { MaterialTable, MaterialTextTable } from '$lib/server/db/schema';
import type { LibraryFilter } from './library.schema';

export async function insertMaterial(db: Db, row: MaterialTable): Promise<void> {
  await db.insertInto('material').values(row).execute();
}

export async function updateMaterial(db: Db, id: string, patch: Partial<MaterialTable>): Promise<void> {
  await db.updateTable('material').set(patch).where('id', '=', id).execute();
}

/** Another material holding the page: it lets go, so one page has one reading. */
export async function releasePage(db: Db, pageKey: string, exceptId: string): Promise<void> {
  await db
    .updateTable('material')
    .set({ page_key: null })
    .where('page_key', '=', pageKey)
    .where('id', '!=', exceptId)
    .execute();
}

export async function setTopics(db: Db, id: string, topics: string[]): Promise<void> {
  await db.deleteFrom('material_topic').where('material_id', '=', id).execute();
  if (topics.length)
    await db
      .insertInto('material_topic')
      .values(topics.map((topic_id) => ({ material_id: id, topic_id })))
      .execute();
}

export async function findText(db: Db, materialId: string, language: string, languageName: string) {
  return db
    .selectFrom('material_text')
    .selectAll()
    .where('material_id', '=', materialId)
    .where('language', '=', language)
    .where('language_name', '=', languageName)
    .executeTakeFirst();
}

export async function insertText(db: Db, row: MaterialTextTable): Promise<void> {
  await db.insertInto('material_text').values(row).execute();
}

export async function updateText(db: Db, id: string, patch: Partial<MaterialTextTable>): Promise<void> {
  await db.updateTable('material_text').set(patch).where('id', '=', id).execute();
}

export async function findMaterialInScope(db: Db, id: string, scope: OrgScope) {
  return db
    .selectFrom('material')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function listMaterialsInScope(db: Db, scope: OrgScope, limit: number) {
  return db
    .selectFrom('material')
    .selectAll()
    .where('organisation_id', 'in', scope)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findPublicMaterial(db: Db, slug: string) {
  return db.selectFrom('material').selectAll().where('slug', '=', slug).where('is_public', '=', 1).executeTakeFirst();
}

/** Public materials matching the filters, newest first. */
export async function listPublicMaterials(db: Db, f: LibraryFilter, limit: number) {
  let q = db.selectFrom('material as m').selectAll('m').where('m.is_public', '=', 1);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.topic)
    q = q.where('m.id', 'in', db.selectFrom('material_topic').select('material_id').where('topic_id', '=', f.topic));
  if (f.language)
    q = q.where('m.id', 'in', db.selectFrom('material_text').select('material_id').where('language', '=', f.language));
  return q.orderBy('m.updated_at', 'desc').orderBy('m.id').limit(limit).execute();
}

export async function textsOf(db: Db, materialIds: string[]) {
  if (!materialIds.length) return [];
  return db
    .selectFrom('material_text')
    .selectAll()
    .where('material_id', 'in', materialIds)
    .orderBy('updated_at')
    .execute();
}

export async function topicsOf(db: Db, materialIds: string[]) {
  if (!materialIds.length) return [];
  return db
    .selectFrom('material_topic as mt')
    .innerJoin('topic as t', 't.id', 'mt.topic_id')
    .select(['mt.material_id', 't.id', 't.name_vi', 't.name_en'])
    .where('mt.material_id', 'in', materialIds)
    .orderBy('t.sort_order')
    .execute();
}

/** One row per use: the session's place and its parent (a village's commune). */
export async function usesOf(db: Db, materialIds: string[]) {
  if (!materialIds.length) return [];
  return db
    .selectFrom('activity_material as am')
    .innerJoin('activity as a', 'a.id', 'am.activity_id')
    .innerJoin('admin_unit as u', 'u.id', 'a.admin_unit_id')
    .leftJoin('admin_unit as p', 'p.id', 'u.parent_id')
    .select([
      'am.material_id',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.level',
      'p.id as parent_id',
      'p.name as parent_name'
    ])
    .where('am.material_id', 'in', materialIds)
    .execute();
}

export async function activeTopics(db: Db) {
  return db
    .selectFrom('topic')
    .select(['id', 'name_vi', 'name_en'])
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
}

export async function countTopics(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db
    .selectFrom('topic')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A text's public audio (only of a public material). */
export async function publicAudio(db: Db, textId: string) {
  return db
    .selectFrom('material_text as t')
    .innerJoin('material as m', 'm.id', 't.material_id')
    .select(['t.audio_path', 't.audio_mime', 't.title', 'm.slug', 't.language'])
    .where('t.id', '=', textId)
    .where('m.is_public', '=', 1)
    .where('t.audio_path', 'is not', null)
    .executeTakeFirst();
}

/** A text's original upload, for an officer in scope. */
export async function originalAudio(db: Db, textId: string, scope: OrgScope) {
  return db
    .selectFrom('material_text as t')
    .innerJoin('material as m', 'm.id', 't.material_id')
    .select(['t.original_path', 't.original_mime', 'm.slug', 't.language'])
    .where('t.id', '=', textId)
    .where('m.organisation_id', 'in', scope)
    .where('t.original_path', 'is not', null)
    .executeTakeFirst();
}

/** The recorded reading of a public page in a language, if an officer tied one to it. */
export async function pageAudio(db: Db, pageKey: string, language: string) {
  return db
    .selectFrom('material as m')
    .innerJoin('material_text as t', 't.material_id', 'm.id')
    .select(['t.id', 't.audio_ms', 't.audio_bytes'])
    .where('m.page_key', '=', pageKey)
    .where('m.is_public', '=', 1)
    .where('t.language', '=', language)
    .where('t.audio_path', 'is not', null)
    .executeTakeFirst();
}

/** Materials an activity may record as used: every public material (the library serves the whole province). */
export async function materialChoices(db: Db) {
  const rows = await db
    .selectFrom('material as m')
    .innerJoin('material_text as t', 't.material_id', 'm.id')
    .select(['m.id', 't.title', 't.language'])
    .where('m.is_public', '=', 1)
    .orderBy('m.updated_at', 'desc')
    .execute();
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.id) || r.language === 'vi') seen.set(r.id, r.title);
  return [...seen].map(([id, title]) => ({ id, title }));
}

export async function countPublicMaterials(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db
    .selectFrom('material')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', ids)
    .where('is_public', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setActivityMaterials(db: Db, activityId: string, ids: string[]): Promise<void> {
  await db.deleteFrom('activity_material').where('activity_id', '=', activityId).execute();
  if (ids.length)
    await db
      .insertInto('activity_material')
      .values(ids.map((material_id) => ({ activity_id: activityId, material_id })))
      .execute();
}

export async function materialsOfActivity(db: Db, activityId: string) {
  return db
    .selectFrom('activity_material as am')
    .innerJoin('material as m', 'm.id', 'am.material_id')
    .select(['m.id', 'm.slug'])
    .where('am.activity_id', '=', activityId)
    .execute();
}

export async function organisationNames(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .orderBy(collate(db, 'sort_key'))
    .execute();
}
