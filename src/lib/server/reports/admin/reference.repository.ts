/** SQL for administering the report reference data (taxonomy, routing and deadline rules). */
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '$lib/server/db';
import { collate } from '$lib/server/db/dialect';
import type { CategoryTable, DeadlineRuleTable, RoutingRuleTable } from '$lib/server/db/schema';

export async function listGroups(db: Db) {
  return db
    .selectFrom('category_group')
    .select(['id', 'code', 'name_vi', 'name_en', 'active'])
    .orderBy('sort_order')
    .execute();
}

/** Every category, active or not, grouped in display order. */
export async function listAllCategories(db: Db) {
  return db
    .selectFrom('category as c')
    .innerJoin('category_group as g', 'g.id', 'c.group_id')
    .select([
      'c.id',
      'c.code',
      'c.name_vi',
      'c.name_en',
      'c.legal_basis',
      'c.icon',
      'c.urgent',
      'c.active',
      'c.sort_order',
      'c.group_id',
      'g.code as group_code',
      'g.name_vi as group_vi'
    ])
    .orderBy('g.sort_order')
    .orderBy('c.sort_order')
    .execute();
}

export async function findCategoryById(db: Db, id: string) {
  return db.selectFrom('category').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function groupExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('category_group').select('id').where('id', '=', id).executeTakeFirst());
}

export async function codeTaken(db: Db, code: string, exceptId: string | null): Promise<boolean> {
  let q = db.selectFrom('category').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertCategory(db: Db, row: Insertable<CategoryTable>): Promise<void> {
  await db.insertInto('category').values(row).execute();
}

export async function updateCategory(db: Db, id: string, patch: Updateable<CategoryTable>): Promise<void> {
  await db.updateTable('category').set(patch).where('id', '=', id).execute();
}

/** Routing rules with the names an administrator reads. */
export async function listRoutingRules(db: Db) {
  return db
    .selectFrom('routing_rule as r')
    .innerJoin('organisation as o', 'o.id', 'r.agency_org_id')
    .leftJoin('category as c', 'c.id', 'r.category_id')
    .leftJoin('admin_unit as u', 'u.id', 'r.admin_unit_id')
    .select([
      'r.id',
      'r.category_id',
      'r.admin_unit_id',
      'r.agency_org_id',
      'o.name as agency',
      'c.name_vi as category',
      'u.full_name as unit',
      'c.sort_order'
    ])
    .orderBy('c.sort_order')
    .orderBy(collate(db, 'u.sort_key'))
    .execute();
}

export async function findRoutingRule(db: Db, id: string) {
  return db.selectFrom('routing_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Same category and area (nulls equal): at most one rule each, so the choice is never ambiguous. */
export async function findRoutingDuplicate(
  db: Db,
  categoryId: string | null,
  unitId: string | null,
  exceptId: string | null
) {
  let q = db.selectFrom('routing_rule').select('id');
  q = categoryId ? q.where('category_id', '=', categoryId) : q.where('category_id', 'is', null);
  q = unitId ? q.where('admin_unit_id', '=', unitId) : q.where('admin_unit_id', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insertRoutingRule(db: Db, row: Insertable<RoutingRuleTable>): Promise<void> {
  await db.insertInto('routing_rule').values(row).execute();
}

export async function updateRoutingRule(db: Db, id: string, patch: Updateable<RoutingRuleTable>): Promise<void> {
  await db.updateTable('routing_rule').set(patch).where('id', '=', id).execute();
}

export async function deleteRoutingRule(db: Db, id: string): Promise<void> {
  await db.deleteFrom('routing_rule').where('id', '=', id).execute();
}

export async function agencyExists(db: Db, id: string): Promise<boolean> {
  return !!(await db
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', id)
    .where('kind', '=', 'agency')
    .where('valid_to', 'is', null)
    .executeTakeFirst());
}

export async function listAgencies(db: Db) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('kind', '=', 'agency')
    .where('valid_to', 'is', null)
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Province and commune units an area rule can name (the two levels since the 2025 reform). */
export async function listRoutableUnits(db: Db) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'full_name', 'level'])
    .where('level', 'in', ['province', 'commune'])
    .where('valid_to', 'is', null)
    .orderBy('level', 'desc')
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

export async function unitExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('admin_unit').select('id').where('id', '=', id).executeTakeFirst());
}

export async function categoryExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('category').select('id').where('id', '=', id).executeTakeFirst());
}

export async function listAllDeadlineRules(db: Db) {
  return db
    .selectFrom('deadline_rule as d')
    .leftJoin('category as c', 'c.id', 'd.category_id')
    .select([
      'd.id',
      'd.channel',
      'd.category_id',
      'd.stage',
      'd.day_kind',
      'd.days',
      'd.extension_days',
      'd.max_extensions',
      'c.name_vi as category'
    ])
    .orderBy('d.stage')
    .orderBy('d.channel')
    .orderBy('c.sort_order')
    .execute();
}

export async function findDeadlineRule(db: Db, id: string) {
  return db.selectFrom('deadline_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDeadlineDuplicate(
  db: Db,
  r: { channel: string; stage: string; category_id: string | null },
  exceptId: string | null
) {
  let q = db
    .selectFrom('deadline_rule')
    .select('id')
    .where('channel', '=', r.channel as DeadlineRuleTable['channel'])
    .where('stage', '=', r.stage as DeadlineRuleTable['stage']);
  q = r.category_id ? q.where('category_id', '=', r.category_id) : q.where('category_id', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insertDeadlineRule(db: Db, row: Insertable<DeadlineRuleTable>): Promise<void> {
  await db.insertInto('deadline_rule').values(row).execute();
}

export async function updateDeadlineRule(db: Db, id: string, patch: Updateable<DeadlineRuleTable>): Promise<void> {
  await db.updateTable('deadline_rule').set(patch).where('id', '=', id).execute();
}

export async function deleteDeadlineRule(db: Db, id: string): Promise<void> {
  await db.deleteFrom('deadline_rule').where('id', '=', id).execute();
}
