import { containsFolded, validOn } from '$lib/server/db/predicates';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db, DB } from '$lib/server/db';
import type { OrganisationTable } from '$lib/server/db/schema';
import { collate } from '$lib/server/db/dialect';
import type { scopeSubquery } from '$lib/server/access/access';
import type { OrgKind, OrgType } from './organisation.policy';

/** Inserts an organisation and its closure rows (self + every ancestor of the parent). */
export async function insertOrganisation(db: Db, row: OrganisationTable): Promise<void> {
  await db.insertInto('organisation').values(row).execute();
  await db
    .insertInto('organisation_closure')
    .values({ ancestor_id: row.id, descendant_id: row.id, depth: 0 })
    .execute();
  if (!row.parent_id) return;
  await db
    .insertInto('organisation_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression(
      db
        .selectFrom('organisation_closure')
        .select((eb) => ['ancestor_id', eb.val(row.id).as('descendant_id'), eb(eb.ref('depth'), '+', 1).as('depth')])
        .where('descendant_id', '=', row.parent_id)
    )
    .execute();
}

/** An organisation with the names it refers to, ready to show or serialise. */
export interface OrgRow extends OrganisationTable {
  parent_name: string | null;
  parent_type: string | null;
  successor_name: string | null;
  unit_code: string | null;
  unit_name: string | null;
}

export interface OrgFilter {
  /** Subquery of organisation ids the actor may read. */
  scope: ReturnType<typeof scopeSubquery>;
  kind?: OrgKind;
  type?: OrgType;
  /** folded search text */
  q?: string;
  /** open on this date ('YYYY-MM-DD'); null = no date filter */
  openOn: string | null;
}

function base(db: Db) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .leftJoin('organisation as s', 's.id', 'o.successor_id')
    .leftJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
    .selectAll('o')
    .select([
      'p.name as parent_name',
      'p.type as parent_type',
      's.name as successor_name',
      'u.code as unit_code',
      'u.full_name as unit_name'
    ]);
}

function filtered(db: Db, f: OrgFilter) {
  let q = base(db).where('o.id', 'in', f.scope);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.type) q = q.where('o.type', '=', f.type);
  if (f.q) q = q.where(containsFolded('o.name_search', f.q));
  if (f.openOn) q = q.where(validOn('o', f.openOn));
  return q;
}

export async function findOrganisations(db: Db, f: OrgFilter, limit: number, offset: number): Promise<OrgRow[]> {
  return (await filtered(db, f)
    .orderBy(collate(db, 'o.sort_key'))
    .orderBy('o.id')
    .limit(limit)
    .offset(offset)
    .execute()) as OrgRow[];
}

export async function countOrganisations(db: Db, f: OrgFilter): Promise<number> {
  const row = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOrganisation(db: Db, id: string): Promise<OrgRow | undefined> {
  return (await base(db).where('o.id', '=', id).executeTakeFirst()) as OrgRow | undefined;
}

/** Ancestors from the root down to the direct parent. */
export async function findAncestors(db: Db, id: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('organisation_closure as c')
    .innerJoin('organisation as o', 'o.id', 'c.ancestor_id')
    .select(['o.id', 'o.name'])
    .where('c.descendant_id', '=', id)
    .where('c.depth', '>', 0)
    .orderBy('c.depth', 'desc')
    .execute();
}

export async function findChildren(db: Db, id: string): Promise<OrgRow[]> {
  return (await base(db).where('o.parent_id', '=', id).orderBy(collate(db, 'o.sort_key')).execute()) as OrgRow[];
}

export async function findPredecessors(
  db: Db,
  id: string
): Promise<{ id: string; name: string; valid_to: string | null }[]> {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'valid_to'])
    .where('successor_id', '=', id)
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Current members in the organisation's whole subtree. */
export async function countMembers(db: Db, id: string, today: string): Promise<number> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('organisation_closure as c', 'c.descendant_id', 'm.organisation_id')
    .select(sql<number>`count(distinct m.person_id)`.as('n'))
    .where('c.ancestor_id', '=', id)
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', today)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateOrganisation(db: Db, id: string, patch: Partial<OrganisationTable>): Promise<void> {
  await db.updateTable('organisation').set(patch).where('id', '=', id).execute();
}

export interface UnitRow {
  id: string;
  code: string | null;
  level: string;
  full_name: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
}

const unitCols = ['id', 'code', 'level', 'full_name', 'parent_id', 'valid_from', 'valid_to'] as const;

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('admin_unit').select(unitCols).where('id', '=', id).executeTakeFirst();
}

/** A unit and its children and grandchildren (commune → villages), valid on `date`. */
export async function findUnitsWithin(db: Db, rootId: string, date: string): Promise<UnitRow[]> {
  const open = <QB extends SelectQueryBuilder<DB, 'admin_unit', object>>(q: QB) =>
    q.where(validOn('admin_unit', date)) as QB;
  const children = db.selectFrom('admin_unit').select('id').where('parent_id', '=', rootId);
  return open(
    db
      .selectFrom('admin_unit')
      .select(unitCols)
      .where((eb) => eb.or([eb('id', '=', rootId), eb('parent_id', '=', rootId), eb('parent_id', 'in', children)]))
  )
    .orderBy('level')
    .orderBy(collate(db, 'sort_key'))
    .execute();
}

/** Top-level units (provinces) valid on `date`, for organisations without a parent. */
export async function findTopUnits(db: Db, date: string): Promise<UnitRow[]> {
  return db
    .selectFrom('admin_unit')
    .select(unitCols)
    .where('parent_id', 'is', null)
    .where(validOn('admin_unit', date))
    .orderBy(collate(db, 'sort_key'))
    .execute();
}
