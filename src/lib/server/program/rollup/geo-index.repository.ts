/** The geography the in-memory index (geo-index.ts) is built from, and its change token. */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';

/**
 * Migration 181's token: changed by triggers on every write to the units or their links (and
 * other reference tables), so checking it is one one-row read, not a count of every unit.
 */
export async function fingerprint(db: Db): Promise<string> {
  const row = await db.selectFrom('reference_version').select('token').where('id', '=', 1).executeTakeFirst();
  return row?.token ?? '';
}

export interface Geography {
  token: string;
  units: { id: string; code: string | null; parent_id: string | null; valid_from: string; valid_to: string | null }[];
  /** Links with both ends known (a link to a unit outside the registry cannot be followed). */
  links: { predecessor_id: string; successor_id: string; share: string }[];
}

const none = sql<string | null>`null`;

/**
 * The token, every unit and every link in one statement (a process's first roll-up sends it
 * instead of three): rows of one shape, told apart by `side`.
 */
export async function loadGeography(db: Db): Promise<Geography> {
  const rows = await db
    .selectFrom('reference_version')
    .select([sql<string>`'t'`.as('side'), 'token as a', none.as('b'), none.as('c'), none.as('d'), none.as('e')])
    .unionAll(
      db
        .selectFrom('admin_unit')
        .select([
          sql<string>`'u'`.as('side'),
          'id as a',
          'code as b',
          'parent_id as c',
          'valid_from as d',
          'valid_to as e'
        ])
    )
    .unionAll(
      db
        .selectFrom('unit_change_link')
        .select([
          sql<string>`'l'`.as('side'),
          sql<string>`predecessor_id`.as('a'),
          sql<string | null>`successor_id`.as('b'),
          sql<string | null>`share`.as('c'),
          none.as('d'),
          none.as('e')
        ])
        .where('predecessor_id', 'is not', null)
        .where('successor_id', 'is not', null)
    )
    .execute();
  const out: Geography = { token: '', units: [], links: [] };
  for (const r of rows) {
    if (r.side === 't') out.token = r.a;
    else if (r.side === 'u')
      out.units.push({ id: r.a, code: r.b, parent_id: r.c, valid_from: r.d as string, valid_to: r.e });
    else out.links.push({ predecessor_id: r.a, successor_id: r.b!, share: r.c! });
  }
  return out;
}
