/**
 * Labels for stored codes. Each map lists direct `m.key` references (never `m[dynamic]`), so
 * Paraglide's per-message tree-shaking keeps a page's bundle to the messages it can show; a code
 * the catalogue does not know yet shows as itself.
 */
export type Labels = Readonly<Record<string, () => string>>;

export const label = (labels: Labels, code: string, fallback: string = code): string =>
  Object.hasOwn(labels, code) ? labels[code]() : fallback;
