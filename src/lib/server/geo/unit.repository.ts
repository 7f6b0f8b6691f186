/** SQL for administrative units, their change events and geometries. Validity is [valid_from, valid_to). */
import { containsFolded, validOn } from '$lib/server/db/predicates';
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { AdminUnitTable, UnitChangeLinkTable, UnitChangeTable, UnitGeometryTable } from '$lib/server/db/schema';
import { collate } from '$lib/server/db/dialect';

export type UnitRow = AdminUnitTable;
export type UnitLevel = AdminUnitTable['level'];
export type ChangeKind = UnitChangeTable['kind'];
export type LinkInsert = Insertable<UnitChangeLinkTable>;

// Chunked: SQLite caps bound parameters per statement.
const CHUNK = 500;
function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function insertUnits(db: Db, rows: AdminUnitTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('admin_unit').values(part).execute();
}

export async function findUnitById(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('admin_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitsByIds(db: Db, ids: string[]): Promise<UnitRow[]> {
  const out: UnitRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    if (part.length) out.push(...(await db.selectFrom('admin_unit').selectAll().where('id', 'in', part).execute()));
  }
  return out;
}

export async function findUnitsByCodeAt(db: Db, code: string, date: string, level?: UnitLevel): Promise<UnitRow[]> {
  let q = db.selectFrom('admin_unit').selectAll().where('code', '=', code).where(validOn('admin_unit', date));
  if (level) q = q.where('level', '=', level);
  return q.execute();
}

/** Every coded unit of the given levels valid on `date` (imports diff against these). */
export async function findCodedUnitsAt(db: Db, levels: UnitLevel[], date: string): Promise<UnitRow[]> {
  return db
    .selectFrom('admin_unit')
    .selectAll()
    .where('level', 'in', levels)
    .where('code', 'is not', null)
    .where(validOn('admin_unit', date))
    .execute();
}

export async function closeUnits(db: Db, ids: string[], validTo: string): Promise<void> {
  for (const part of chunks(ids)) {
    if (part.length) await db.updateTable('admin_unit').set({ valid_to: validTo }).where('id', 'in', part).execute();
  }
}

export async function updateUnit(db: Db, id: string, patch: Partial<AdminUnitTable>): Promise<void> {
  await db.updateTable('admin_unit').set(patch).where('id', '=', id).execute();
}

export async function insertChanges(db: Db, rows: UnitChangeTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('unit_change').values(part).execute();
}

export async function insertChangeLinks(db: Db, rows: LinkInsert[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('unit_change_link').values(part).execute();
}

/** Units that already are the successor of a change of this kind on this date (re-runs skip them). */
export async function successorsWithChange(db: Db, kind: ChangeKind, date: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('unit_change_link as l')
    .innerJoin('unit_change as c', 'c.id', 'l.change_id')
    .select('l.successor_id')
    .where('c.kind', '=', kind)
    .where('c.effective_date', '=', date)
    .execute();
  return new Set(rows.map((r) => r.successor_id).filter((id): id is string => id !== null));
}

export interface UnitFilter {
  level?: UnitLevel;
  at: string;
  parentIds?: string[];
  code?: string;
  search?: string;
}

function filtered(db: Db, f: UnitFilter) {
  let q = db.selectFrom('admin_unit').where(validOn('admin_unit', f.at));
  if (f.level) q = q.where('admin_unit.level', '=', f.level);
  if (f.parentIds) q = q.where('admin_unit.parent_id', 'in', f.parentIds.length ? f.parentIds : ['']);
  if (f.code) q = q.where('admin_unit.code', '=', f.code);
  if (f.search) q = q.where(containsFolded('admin_unit.name_search', f.search));
  return q;
}

export type UnitListRow = UnitRow & { parent_name: string | null };

export async function listUnitRows(
  db: Db,
  f: UnitFilter,
  limit: number,
  offset: number
): Promise<{ rows: UnitListRow[]; total: number }> {
  const rows = await filtered(db, f)
    .leftJoin('admin_unit as p', 'p.id', 'admin_unit.parent_id')
    .selectAll('admin_unit')
    .select('p.full_name as parent_name')
    .orderBy(collate(db, 'admin_unit.sort_key'))
    .orderBy('admin_unit.code')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export interface LinkRow {
  change_id: string;
  kind: ChangeKind;
  effective_date: string;
  legal_basis: string | null;
  share: 'full' | 'partial';
  predecessor_id: string | null;
  successor_id: string | null;
}

/** Change links touching any of the units, optionally only of some kinds. */
export async function findLinks(
  db: Db,
  unitIds: string[],
  side: 'predecessor' | 'successor' | 'either',
  kinds?: ChangeKind[]
): Promise<LinkRow[]> {
  if (unitIds.length === 0) return [];
  let q = db
    .selectFrom('unit_change_link as l')
    .innerJoin('unit_change as c', 'c.id', 'l.change_id')
    .select([
      'l.change_id',
      'c.kind',
      'c.effective_date',
      'c.legal_basis',
      'l.share',
      'l.predecessor_id',
      'l.successor_id'
    ])
    .where((eb) =>
      side === 'predecessor'
        ? eb('l.predecessor_id', 'in', unitIds)
        : side === 'successor'
          ? eb('l.successor_id', 'in', unitIds)
          : eb.or([eb('l.predecessor_id', 'in', unitIds), eb('l.successor_id', 'in', unitIds)])
    );
  if (kinds) q = q.where('c.kind', 'in', kinds);
  return (await q.execute()) as LinkRow[];
}

export async function deleteGeometries(db: Db, unitIds: string[]): Promise<void> {
  for (const part of chunks(unitIds)) {
    if (part.length) await db.deleteFrom('unit_geometry').where('unit_id', 'in', part).execute();
  }
}

export async function insertGeometries(db: Db, rows: UnitGeometryTable[]): Promise<void> {
  // Polygons are large; small chunks keep statements reasonable.
  for (const part of chunks(rows, 20)) await db.insertInto('unit_geometry').values(part).execute();
}

/** Commune polygons valid on `date` whose bounding box contains the point. */
export async function geometriesAround(db: Db, lat: number, lon: number, date: string) {
  return db
    .selectFrom('unit_geometry as g')
    .innerJoin('admin_unit', 'admin_unit.id', 'g.unit_id')
    .select(['g.unit_id', 'g.geojson'])
    .where('admin_unit.level', '=', 'commune')
    .where(validOn('admin_unit', date))
    .where('g.min_lon', '<=', lon)
    .where('g.max_lon', '>=', lon)
    .where('g.min_lat', '<=', lat)
    .where('g.max_lat', '>=', lat)
    .execute();
}
