/**
 * Geography "as of" a date, in memory. Aggregates keep the unit valid on the record's date;
 * a roll-up asked "as of D" maps each such unit to the unit(s) valid at D and walks up the
 * parent chain as it stood at D.
 *
 * Forward mapping: a unit closed before D follows its unit_change_link successors, link by
 * link, until it reaches a unit valid at D. For a `partial` link (an old commune split over
 * several new ones) the whole figure goes to ONE successor — a `full` link if there is one,
 * else the lowest code — because the share of each part is not recorded; the figure is never
 * duplicated, so totals above the split stay right. A unit not yet valid at D (a record on a
 * 2025 commune asked "as of 2024") stays on itself, under its own parents.
 *
 * Why in memory: the whole unit table is ~75k rows at national scale (63 old provinces'
 * ~10k communes, 3,321 new communes, ~60k villages), loaded once per process in a few hundred
 * ms; chains are then memoised per date, so a roll-up costs one GROUP BY on the aggregates
 * plus map lookups. A one-row token (migration 181) reloads it when the geography changes.
 */
import { isValidOn } from '$lib/shared/validity';
import type { Db } from '$lib/server/db';
import { fingerprint, loadGeography } from './geo-index.repository';

interface Node {
  id: string;
  code: string | null;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface GeoIndex {
  /** [unit as of D, its parent as of D, …, root] */
  chainAt(unitId: string, asOf: string): string[];
  resolveAt(unitId: string, asOf: string): string;
  size: number;
}

export function buildGeoIndex(
  units: Node[],
  links: { predecessor_id: string; successor_id: string; share: string }[]
): GeoIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const succ = new Map<string, { id: string; full: boolean; code: string }[]>();
  for (const l of links) {
    const list = succ.get(l.predecessor_id) ?? [];
    list.push({ id: l.successor_id, full: l.share === 'full', code: byId.get(l.successor_id)?.code ?? l.successor_id });
    succ.set(l.predecessor_id, list);
  }
  for (const list of succ.values())
    list.sort((a, b) => Number(b.full) - Number(a.full) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const memo = new Map<string, Map<string, string[]>>();

  function resolveAt(id: string, d: string, hops = 0): string {
    const n = byId.get(id);
    if (!n || isValidOn(n, d) || hops > 20) return id;
    if (n.valid_to !== null && n.valid_to <= d) {
      const next = succ.get(id)?.[0];
      if (next) return resolveAt(next.id, d, hops + 1);
    }
    return id;
  }

  function chainAt(id: string, d: string): string[] {
    let perDate = memo.get(d);
    if (!perDate) memo.set(d, (perDate = new Map()));
    const hit = perDate.get(id);
    if (hit) return hit;
    // Parents are resolved as of D too: a village still pointing at its pre-2025 commune
    // climbs through that commune's 2025 successor. Bounded, in case of a cycle in bad data.
    const chain: string[] = [];
    let cur: string | null = resolveAt(id, d);
    while (cur && chain.length < 12 && !chain.includes(cur)) {
      chain.push(cur);
      const parent: string | null = byId.get(cur)?.parent_id ?? null;
      cur = parent ? resolveAt(parent, d) : null;
    }
    perDate.set(id, chain);
    return chain;
  }

  return { chainAt, resolveAt, size: byId.size };
}

interface Cached {
  fingerprint: string;
  index: GeoIndex;
}
/**
 * Kept per database, not per Kysely view: a transaction or a plugin view (withPlugin) of the
 * same database shares its adapter, so it reuses the index instead of loading the geography
 * again.
 */
const cache = new WeakMap<object, Cached>();
const keyOf = (db: Db): object => db.getExecutor().adapter;

/**
 * The index for `db`, reloaded when units or links changed since last time. A process's first
 * call reads the token with the geography (one statement); later calls check the token alone.
 */
export async function geoIndex(db: Db): Promise<GeoIndex> {
  const hit = cache.get(keyOf(db));
  if (hit && hit.fingerprint === (await fingerprint(db))) return hit.index;
  const geo = await loadGeography(db);
  const index = buildGeoIndex(geo.units, geo.links);
  cache.set(keyOf(db), { fingerprint: geo.token, index });
  return index;
}

/** Forget the cached index (e.g. after editing a unit in place). */
export function invalidateGeoIndex(db: Db): void {
  cache.delete(keyOf(db));
}
