/** SQL for manual indicator values (their own table; roll-ups read it for source 'manual'). */
import { validOn } from '$lib/server/db/predicates';
import type { Db } from '$lib/server/db';
import type { ManualValueTable } from '$lib/server/db/schema';
import type { scopeSubquery } from '$lib/server/access/access';
import { collate } from '$lib/server/db/dialect';

type Scope = ReturnType<typeof scopeSubquery>;

export async function manualIndicators(db: Db) {
  return db
    .selectFrom('indicator')
    .select(['id', 'code', 'name_vi', 'name_en', 'unit'])
    .where('source', '=', 'manual')
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
}

export async function findValue(
  db: Db,
  key: Pick<ManualValueTable, 'indicator_id' | 'organisation_id' | 'admin_unit_id' | 'month'>
) {
  return db
    .selectFrom('manual_value')
    .selectAll()
    .where('indicator_id', '=', key.indicator_id)
    .where('organisation_id', '=', key.organisation_id)
    .where('admin_unit_id', '=', key.admin_unit_id)
    .where('month', '=', key.month)
    .executeTakeFirst();
}

export async function insertValue(db: Db, row: ManualValueTable): Promise<void> {
  await db.insertInto('manual_value').values(row).execute();
}

export async function updateValue(db: Db, id: string, value: number, at: string): Promise<void> {
  await db.updateTable('manual_value').set({ value, updated_at: at }).where('id', '=', id).execute();
}

export async function findValueInScope(db: Db, id: string, scope: Scope) {
  return db
    .selectFrom('manual_value')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function deleteValue(db: Db, id: string): Promise<void> {
  await db.deleteFrom('manual_value').where('id', '=', id).execute();
}

export async function listValues(db: Db, scope: Scope, f: { year?: number; organisationId?: string }, limit = 100) {
  let q = db
    .selectFrom('manual_value as v')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .innerJoin('organisation as o', 'o.id', 'v.organisation_id')
    .innerJoin('admin_unit as u', 'u.id', 'v.admin_unit_id')
    .select([
      'v.id',
      'v.month',
      'v.value',
      'v.organisation_id',
      'i.name_vi',
      'i.name_en',
      'i.unit',
      'o.name as organisation_name',
      'u.full_name as unit_name'
    ])
    .where('v.organisation_id', 'in', scope);
  if (f.year) q = q.where('v.month', '>=', `${f.year}-01`).where('v.month', '<=', `${f.year}-12`);
  if (f.organisationId) q = q.where('v.organisation_id', '=', f.organisationId);
  return q.orderBy('v.month', 'desc').orderBy(collate(db, 'o.sort_key')).orderBy('i.sort_order').limit(limit).execute();
}

/** The organisation's own unit and the units directly under it, valid on `date`. */
export async function unitsOfOrg(db: Db, orgId: string, date: string) {
  const org = await db.selectFrom('organisation').select('admin_unit_id').where('id', '=', orgId).executeTakeFirst();
  if (!org?.admin_unit_id) return [];
  return db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name', 'parent_id'])
    .where((eb) => eb.or([eb('id', '=', org.admin_unit_id!), eb('parent_id', '=', org.admin_unit_id!)]))
    .where(validOn('admin_unit', date))
    .orderBy('level')
    .orderBy(collate(db, 'sort_key'))
    .execute();
}
