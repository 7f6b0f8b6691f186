/**
 * Closed organisations roll up under their successor. When an association closes (the 2025
 * commune mergers closed hundreds) its records stay on it, but asked as of a later date they
 * count wherever its successor (organisation.successor_id, followed to the end of the chain)
 * counts. Asked as of a date before the closure, nothing moves.
 */
import type { Db } from '$lib/server/db';
import * as repo from './rollup.repository';

export interface Heirs {
  /** organisation (a closed one, or one still below a closed one) → the organisation whose place it takes */
  heirOf: Map<string, string>;
  /** closed organisations whose subtrees must be read too */
  closedRoots: string[];
  closed: Set<string>;
}

/** Follow successor links closed as of the date; stops on a cycle. */
function finalHeir(id: string, successor: Map<string, string>): string {
  const seen = new Set<string>();
  let cur = id;
  while (successor.has(cur) && !seen.has(cur)) {
    seen.add(cur);
    cur = successor.get(cur)!;
  }
  return cur;
}

/**
 * A branch a merger did not re-parent still sits below its closed parent; it then counts
 * with the heir too (re-parented ones are already under the heir through the closure).
 */
export async function heirsAt(db: Db, asOf: string): Promise<Heirs> {
  // Every closed organisation is its own closure row at depth 0, so this one read gives both
  // the closed organisations with their successors and their subtrees.
  const rows = await repo.closedSubtrees(db, asOf);
  const successor = new Map(rows.filter((r) => r.depth === 0).map((r) => [r.ancestor_id, r.successor_id]));
  const closedRoots = [...successor.keys()];
  const heirOf = new Map<string, string>();
  // nearest closed ancestor first (rows come ordered by depth), so nested closures resolve right
  for (const r of rows) {
    if (!heirOf.has(r.descendant_id)) heirOf.set(r.descendant_id, finalHeir(r.ancestor_id, successor));
  }
  return { heirOf, closedRoots, closed: new Set(closedRoots) };
}
