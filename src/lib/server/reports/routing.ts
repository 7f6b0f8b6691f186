/**
 * Choosing the competent agency (pure). A rule matches a category (or any) in an area (or
 * anywhere). The most specific wins: category+area, then category anywhere, then any
 * category in the area, then the catch-all. `unitIds` lists the report's units from the most
 * local (village) to the widest (province), so a nearer area beats a wider one.
 */
export interface RouteRule {
  id: string;
  category_id: string | null;
  admin_unit_id: string | null;
  agency_org_id: string;
}

export function rankRoutes<T extends RouteRule>(
  rules: readonly T[],
  categoryId: string,
  unitIds: readonly string[]
): T[] {
  const score = (r: T): number => {
    if (r.category_id !== null && r.category_id !== categoryId) return -1;
    const area = r.admin_unit_id === null ? unitIds.length : unitIds.indexOf(r.admin_unit_id);
    if (area < 0) return -1;
    // category match dominates; a nearer area breaks ties.
    return (r.category_id ? 1000 : 0) + (unitIds.length + 1 - area);
  };
  return rules
    .map((r) => ({ r, s: score(r) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.r);
}
