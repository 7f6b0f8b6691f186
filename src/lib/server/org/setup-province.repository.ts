/** SQL for starting a province: its units valid today and the bodies already set up for them. */
import { validOn } from '$lib/server/db/predicates';
import { collate } from '$lib/server/db/dialect';
import type { Db } from '$lib/server/db';

export async function findProvince(db: Db, code: string, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'name', 'full_name', 'code'])
    .where('code', '=', code)
    .where('level', '=', 'province')
    .where(validOn('admin_unit', date))
    .executeTakeFirst();
}

export async function listCommunes(db: Db, provinceId: string, date: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'name', 'full_name'])
    .where('parent_id', '=', provinceId)
    .where('level', '=', 'commune')
    .where(validOn('admin_unit', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Bodies of one type already open today, by the unit they serve. */
export async function openOrganisationsOfType(db: Db, type: string, date: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'admin_unit_id', 'parent_id'])
    .where('type', '=', type)
    .where(validOn('organisation', date))
    .execute();
}
