/** SQL for intake's in-memory reference data (reference.ts) and the token that says it changed. */
import type { Db } from '$lib/server/db';

/** The token migration 181's triggers change on every write to the reference tables. */
export async function referenceToken(db: Db): Promise<string> {
  const row = await db.selectFrom('reference_version').select('token').where('id', '=', 1).executeTakeFirst();
  return row?.token ?? '';
}

export const loadCategories = (db: Db) =>
  db
    .selectFrom('category as c')
    .innerJoin('category_group as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.code', 'c.urgent', 'c.active', 'c.name_vi', 'g.active as group_active'])
    .execute();

/** Communes of every period (the cache answers "as of" any date), with their centres. */
export const loadCommunes = (db: Db) =>
  db
    .selectFrom('admin_unit')
    .select(['id', 'full_name', 'parent_id', 'valid_from', 'valid_to', 'centre_lat', 'centre_lon'])
    .where('level', '=', 'commune')
    .execute();

export const loadCommunePolygons = (db: Db) =>
  db
    .selectFrom('unit_geometry as g')
    .innerJoin('admin_unit as u', 'u.id', 'g.unit_id')
    .select(['g.unit_id', 'g.geojson', 'g.min_lon', 'g.min_lat', 'g.max_lon', 'g.max_lat'])
    .where('u.level', '=', 'commune')
    .execute();

export const loadAssociations = (db: Db) =>
  db
    .selectFrom('organisation as o')
    .leftJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .select(['o.id', 'o.type', 'o.admin_unit_id', 'o.valid_from', 'o.valid_to', 'u.level as unit_level'])
    .where('o.kind', '=', 'association')
    .where('o.type', 'in', ['commune_association', 'province_association'])
    .execute();

export const loadDeadlineRules = (db: Db) =>
  db
    .selectFrom('deadline_rule')
    .select(['channel', 'category_id', 'stage', 'day_kind', 'days', 'extension_days', 'max_extensions'])
    .execute();

export const loadHolidays = (db: Db) => db.selectFrom('holiday').select(['date', 'kind', 'name']).execute();
