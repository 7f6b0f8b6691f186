/**
 * The commune-level pre-aggregate (migration 011): agg_unit_month "lifted" one level — a
 * village unit becomes its parent commune, a branch (an organisation whose own unit is a
 * village) becomes its parent organisation. Kept in step by applyDeltas in the same
 * transaction; rebuilt whole by replaceAggregates (and after an organisation or village moves,
 * which changes the lifting).
 */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { delta, type Contribution } from './contributions';

const CHUNK = 400;

/** Village units' communes and branches' parent organisations, by id. */
async function lookups(db: Db, rows: Contribution[]) {
  const unitIds = [...new Set(rows.map((r) => r.admin_unit_id))];
  const orgIds = [...new Set(rows.map((r) => r.organisation_id))];
  const units = new Map<string, string>();
  const orgs = new Map<string, string>();
  // One report's contributions name a unit or two and an organisation or two: both lookups
  // go in one statement then (one round trip inside the intake transaction).
  for (let i = 0; i < Math.max(unitIds.length, orgIds.length); i += CHUNK) {
    const part = await parentsOf(db, unitIds.slice(i, i + CHUNK), orgIds.slice(i, i + CHUNK));
    for (const p of part) if (p.parent_id) (p.side === 'unit' ? units : orgs).set(p.id, p.parent_id);
  }
  return { units, orgs };
}

function parentsOf(db: Db, unitIds: string[], orgIds: string[]) {
  const villageUnits = db
    .selectFrom('admin_unit')
    .select([sql<string>`'unit'`.as('side'), 'id', 'parent_id'])
    .where('id', 'in', unitIds.length ? unitIds : [''])
    .where('level', '=', 'village');
  const branches = db
    .selectFrom('organisation as o')
    .innerJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .select([sql<string>`'org'`.as('side'), 'o.id', 'o.parent_id'])
    .where('o.id', 'in', orgIds.length ? orgIds : [''])
    .where('u.level', '=', 'village');
  return villageUnits.unionAll(branches).execute();
}

/** The rows lifted to communes and commune-level organisations, merged, zeros dropped. */
export async function liftCells(db: Db, rows: Contribution[]): Promise<Contribution[]> {
  if (!rows.length) return [];
  const { units, orgs } = await lookups(db, rows);
  return delta(
    [],
    rows.map((r) => ({
      ...r,
      organisation_id: orgs.get(r.organisation_id) ?? r.organisation_id,
      admin_unit_id: units.get(r.admin_unit_id) ?? r.admin_unit_id
    }))
  );
}

/** Rebuild agg_commune_month from agg_unit_month (same rule as migration 011). */
export async function rebuildCommuneAggregates(db: Db): Promise<void> {
  await db.deleteFrom('agg_commune_month').execute();
  await sql`
    insert into agg_commune_month (indicator_code, organisation_id, admin_unit_id, month, value)
    select a.indicator_code,
           case when ou.level = 'village' and o.parent_id is not null then o.parent_id else a.organisation_id end,
           case when u.level = 'village' and u.parent_id is not null then u.parent_id else a.admin_unit_id end,
           a.month, sum(a.value)
    from agg_unit_month a
    join admin_unit u on u.id = a.admin_unit_id
    join organisation o on o.id = a.organisation_id
    left join admin_unit ou on ou.id = o.admin_unit_id
    group by 1, 2, 3, 4
    having sum(a.value) <> 0`.execute(db);
}

export async function allCommuneAggregates(db: Db): Promise<Contribution[]> {
  const rows = await db.selectFrom('agg_commune_month').selectAll().execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/**
 * May a roll-up read the lifted table? Only if no organisation it must tell apart is a branch:
 * the root, its direct children, the actor's scope roots, and closed organisations with a
 * successor (their rows move by organisation, which lifting would blur).
 */
export async function liftSafe(db: Db, orgIds: string[]): Promise<boolean> {
  if (!orgIds.length) return true;
  for (let i = 0; i < orgIds.length; i += CHUNK) {
    const hit = await db
      .selectFrom('organisation as o')
      .innerJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
      .select('o.id')
      .where('o.id', 'in', orgIds.slice(i, i + CHUNK))
      .where('u.level', '=', 'village')
      .executeTakeFirst();
    if (hit) return false;
  }
  return true;
}
