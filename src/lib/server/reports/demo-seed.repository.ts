/** Look-ups for the demo reports, by the demo seed's own codes and names (seed/demo.ts made them). */
import type { Db } from '$lib/server/db';

const byKey = <K extends string>(rows: ({ id: string } & Record<K, string | null>)[], key: K) =>
  Object.fromEntries(rows.map((r) => [r[key] ?? '', r.id])) as Record<string, string>;

export async function hasReports(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('report').select('id').limit(1).executeTakeFirst());
}

export async function accountIds(db: Db, usernames: string[]) {
  return byKey(
    await db.selectFrom('account').select(['id', 'username']).where('username', 'in', usernames).execute(),
    'username'
  );
}

/** Current communes by GSO code, with their centres. */
export async function communesByCode(db: Db, codes: string[]) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'centre_lat', 'centre_lon'])
    .where('level', '=', 'commune')
    .where('valid_to', 'is', null)
    .where('code', 'in', codes)
    .execute();
}

export async function villageIds(db: Db, names: string[]) {
  return byKey(
    await db
      .selectFrom('admin_unit')
      .select(['id', 'name'])
      .where('level', '=', 'village')
      .where('name', 'in', names)
      .execute(),
    'name'
  );
}

export async function organisationIds(db: Db, names: string[]) {
  return byKey(await db.selectFrom('organisation').select(['id', 'name']).where('name', 'in', names).execute(), 'name');
}

export async function personIds(db: Db, names: string[]) {
  return byKey(
    await db.selectFrom('person').select(['id', 'full_name']).where('full_name', 'in', names).execute(),
    'full_name'
  );
}

export async function categoryIds(db: Db) {
  return byKey(await db.selectFrom('category').select(['id', 'code']).execute(), 'code');
}

export async function photoIdsOf(db: Db, reportId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('attachment')
    .select('id')
    .where('report_id', '=', reportId)
    .where('kind', '=', 'photo')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}
