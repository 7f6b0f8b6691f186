/**
 * The category picker on a phone: the few most reported categories first, then the rest
 * under their groups (forest, water, waste, land, wildlife, other), so the 18 choices no
 * longer fill four screens. Ties and a new install fall back to the taxonomy's order.
 */
export const COMMON_COUNT = 5;

export interface PickerCategory {
  id: string;
  group_code: string;
  group_vi: string;
  group_en: string;
}

export function arrangeCategories<C extends PickerCategory>(categories: C[], counts: Record<string, number>) {
  const ranked = categories
    .map((c, order) => ({ c, order, n: counts[c.id] ?? 0 }))
    .sort((a, b) => b.n - a.n || a.order - b.order);
  const commonIds = new Set(ranked.slice(0, COMMON_COUNT).map((r) => r.c.id));
  const groups: { code: string; name_vi: string; name_en: string; categories: C[] }[] = [];
  for (const c of categories) {
    if (commonIds.has(c.id)) continue;
    let g = groups.find((x) => x.code === c.group_code);
    if (!g) groups.push((g = { code: c.group_code, name_vi: c.group_vi, name_en: c.group_en, categories: [] }));
    g.categories.push(c);
  }
  return { common: ranked.slice(0, COMMON_COUNT).map((r) => r.c), groups };
}
