/** SQL for the report taxonomy (category_group, category). */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { CategoryGroupTable, CategoryTable } from '$lib/server/db/schema';

export async function insertGroupsIfMissing(db: Db, rows: Insertable<CategoryGroupTable>[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('category_group')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function groupIdsByCode(db: Db): Promise<Record<string, string>> {
  const rows = await db.selectFrom('category_group').select(['id', 'code']).execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** Returns every category id by code (existing and new). */
export async function insertCategoriesIfMissing(
  db: Db,
  rows: Insertable<CategoryTable>[]
): Promise<Record<string, string>> {
  if (rows.length)
    await db
      .insertInto('category')
      .values(rows)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  const all = await db.selectFrom('category').select(['id', 'code']).execute();
  return Object.fromEntries(all.map((r) => [r.code, r.id]));
}

/** Active categories with their group, in display order (for the intake picker and Open311). */
export async function listActiveCategories(db: Db) {
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
      'g.code as group_code',
      'g.name_vi as group_vi',
      'g.name_en as group_en'
    ])
    .where('c.active', '=', 1)
    .where('g.active', '=', 1)
    .orderBy('g.sort_order')
    .orderBy('c.sort_order')
    .execute();
}

export async function findCategory(db: Db, id: string) {
  return db.selectFrom('category').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reports per category since an instant: the intake form shows the most common first. */
export async function reportCountsSince(db: Db, since: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('report')
    .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', since)
    .groupBy('category_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.category_id, Number(r.n)]));
}
