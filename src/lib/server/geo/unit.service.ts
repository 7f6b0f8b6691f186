/**
 * Versioned geography: which unit had a code on a date, its children then, and how units
 * became other units. Administrative units are public data, so reads need no actor.
 */
import { isValidOn } from '$lib/shared/validity';
import type { Db } from '$lib/server/db';
import { fold } from '$lib/shared/text';
import {
  findLinks,
  findUnitById,
  findUnitsByCodeAt,
  findUnitsByIds,
  geometriesAround,
  listUnitRows,
  type ChangeKind,
  type UnitLevel,
  type UnitListRow,
  type UnitRow
} from './unit.repository';
import { containsPoint, type PolygonGeometry } from './geometry';
import { readJson } from '$lib/server/db/dialect';

export type { UnitRow, UnitListRow, UnitLevel };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Versions of one place differ only by these changes; merges and splits make new places. */
const SAME_ENTITY: ChangeKind[] = ['rename', 'retype', 'reparent'];

export async function unitAt(db: Db, code: string, date: string, level?: UnitLevel): Promise<UnitRow | null> {
  const rows = await findUnitsByCodeAt(db, code, date, level);
  return rows[0] ?? null;
}

export async function getUnit(db: Db, id: string): Promise<UnitRow | null> {
  return UUID.test(id) ? ((await findUnitById(db, id)) ?? null) : null;
}

/** A surrogate id, or an official code read as of `date`. */
export async function resolveUnit(db: Db, idOrCode: string, date: string): Promise<UnitRow | null> {
  return UUID.test(idOrCode) ? getUnit(db, idOrCode) : unitAt(db, idOrCode, date);
}

/** All versions of the same place (linked by rename/retype/reparent), including `id`. */
export async function sameEntityIds(db: Db, id: string): Promise<string[]> {
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length) {
    const links = await findLinks(db, frontier, 'either', SAME_ENTITY);
    frontier = links.flatMap((l) => [l.predecessor_id, l.successor_id]).filter((x): x is string => !!x && !seen.has(x));
    frontier.forEach((x) => seen.add(x));
  }
  return [...seen];
}

export interface UnitQuery {
  level?: UnitLevel;
  at: string;
  parent?: string;
  code?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listUnits(db: Db, query: UnitQuery): Promise<{ items: UnitListRow[]; total: number }> {
  let parentIds: string[] | undefined;
  if (query.parent) {
    const parent = await resolveUnit(db, query.parent, query.at);
    parentIds = parent ? await sameEntityIds(db, parent.id) : [];
  }
  const search = query.q ? fold(query.q) : undefined;
  const { rows, total } = await listUnitRows(
    db,
    { level: query.level, at: query.at, parentIds, code: query.code, search: search || undefined },
    query.limit,
    query.offset
  );
  return { items: rows, total };
}

/** Children of a unit (any version of it) valid on `date`, in Vietnamese order. */
export async function childrenOf(db: Db, unitIdOrCode: string, date: string): Promise<UnitListRow[]> {
  const unit = await resolveUnit(db, unitIdOrCode, date);
  if (!unit) return [];
  const { rows } = await listUnitRows(db, { at: date, parentIds: await sameEntityIds(db, unit.id) }, 10_000, 0);
  return rows;
}

/** The version of a unit's parent valid on `date` (children keep pointing at older versions). */
export async function parentAt(db: Db, unit: UnitRow, date: string): Promise<UnitRow | null> {
  if (!unit.parent_id) return null;
  const versions = await findUnitsByIds(db, await sameEntityIds(db, unit.parent_id));
  const valid = versions.find((v) => isValidOn(v, date));
  return valid ?? versions.find((v) => v.id === unit.parent_id) ?? null;
}

export interface HistoryEntry {
  unit: UnitRow;
  kind: ChangeKind;
  effective_date: string;
  legal_basis: string | null;
  share: 'full' | 'partial';
}

async function history(db: Db, unitId: string, side: 'predecessor' | 'successor'): Promise<HistoryEntry[]> {
  // We look for links where this unit is on the *other* side.
  const links = await findLinks(db, [unitId], side === 'predecessor' ? 'successor' : 'predecessor');
  const otherId = (l: (typeof links)[number]) => (side === 'predecessor' ? l.predecessor_id : l.successor_id);
  const units = new Map(
    (
      await findUnitsByIds(
        db,
        links.map(otherId).filter((x): x is string => !!x)
      )
    ).map((u) => [u.id, u])
  );
  return links
    .filter((l) => otherId(l) && units.has(otherId(l)!))
    .map((l) => ({
      unit: units.get(otherId(l)!)!,
      kind: l.kind,
      effective_date: l.effective_date,
      legal_basis: l.legal_basis,
      share: l.share
    }))
    .sort((a, b) => a.unit.sort_key.localeCompare(b.unit.sort_key));
}

export const predecessorsOf = (db: Db, unitId: string) => history(db, unitId, 'predecessor');
export const successorsOf = (db: Db, unitId: string) => history(db, unitId, 'successor');

/** Abolishment links with no successor (e.g. districts in 2025), for display. */
export async function endingsOf(db: Db, unitId: string) {
  return (await findLinks(db, [unitId], 'predecessor')).filter((l) => l.successor_id === null);
}

/**
 * Where an old unit's territory lies on `date`: follow successor links until reaching units
 * valid then. Used to roll old records up to today's communes.
 */
export async function successorsAt(db: Db, unitId: string, date: string): Promise<UnitRow[]> {
  const result = new Map<string, UnitRow>();
  const seen = new Set<string>();
  let frontier = [unitId];
  while (frontier.length) {
    const units = await findUnitsByIds(db, frontier);
    const next: string[] = [];
    for (const u of units) {
      seen.add(u.id);
      if (isValidOn(u, date)) result.set(u.id, u);
      else if (u.valid_to !== null && u.valid_to <= date) next.push(u.id);
    }
    const links = await findLinks(db, next, 'predecessor');
    frontier = links.map((l) => l.successor_id).filter((x): x is string => !!x && !seen.has(x));
  }
  return [...result.values()];
}

/** The commune whose polygon contains the point on `date`, or null. */
export async function resolvePoint(db: Db, lat: number, lon: number, date: string): Promise<UnitRow | null> {
  const candidates = await geometriesAround(db, lat, lon, date);
  const hit = candidates.find((c) => containsPoint(readJson<PolygonGeometry>(c.geojson)!, lon, lat));
  return hit ? ((await findUnitById(db, hit.unit_id)) ?? null) : null;
}

export interface UnitDto {
  id: string;
  code: string | null;
  level: UnitLevel;
  type: string;
  name: string;
  full_name: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  centre: { lat: number; lon: number } | null;
}

export function toDto(u: UnitRow): UnitDto {
  const centre = u.centre_lat !== null && u.centre_lon !== null ? { lat: u.centre_lat, lon: u.centre_lon } : null;
  return {
    id: u.id,
    code: u.code,
    level: u.level,
    type: u.type,
    name: u.name,
    full_name: u.full_name,
    parent_id: u.parent_id,
    valid_from: u.valid_from,
    valid_to: u.valid_to,
    centre
  };
}

const historyDto = (h: HistoryEntry) => ({ ...h, unit: toDto(h.unit) });

/** A unit with its predecessors and successors, as the API shows it; null when unknown. */
export async function getUnitHistory(db: Db, id: string) {
  const unit = await getUnit(db, id);
  if (!unit) return null;
  const [predecessors, successors] = await Promise.all([predecessorsOf(db, unit.id), successorsOf(db, unit.id)]);
  return { ...toDto(unit), predecessors: predecessors.map(historyDto), successors: successors.map(historyDto) };
}
