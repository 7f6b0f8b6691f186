/** The geography the in-memory index (geo-index.ts) is built from, and its change fingerprint. */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';

/** One query: the units' count, closures and latest addition, and the links' count. */
export async function fingerprint(db: Db): Promise<string> {
  const f = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('admin_unit')
        .select(sql<number>`count(*)`.as('n'))
        .as('n'),
      eb
        .selectFrom('admin_unit')
        .select(sql<number>`count(valid_to)`.as('closed'))
        .as('closed'),
      eb
        .selectFrom('admin_unit')
        .select(sql<string>`max(created_at)`.as('last'))
        .as('last'),
      eb
        .selectFrom('unit_change_link')
        .select(sql<number>`count(*)`.as('links'))
        .as('links')
    ])
    .executeTakeFirstOrThrow();
  return `${Number(f.n)}|${Number(f.closed)}|${f.last}|${Number(f.links)}`;
}

export const loadUnits = (db: Db) =>
  db.selectFrom('admin_unit').select(['id', 'code', 'parent_id', 'valid_from', 'valid_to']).execute();

/** Links with both ends known (a link to a unit outside the registry cannot be followed). */
export async function loadLinks(db: Db) {
  const rows = await db
    .selectFrom('unit_change_link')
    .select(['predecessor_id', 'successor_id', 'share'])
    .where('predecessor_id', 'is not', null)
    .where('successor_id', 'is not', null)
    .execute();
  return rows as { predecessor_id: string; successor_id: string; share: string }[];
}
