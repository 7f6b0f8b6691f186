/** Catalogue labels for stored codes (unit types, levels, change kinds); unknown codes show as-is. */
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/shared/format';

/** Same list as UNIT_LEVELS in unit.schema.ts (server-only module, so not importable here). */
export const LEVELS = ['province', 'district', 'commune', 'village'] as const;

type MessageFn = () => string;
const lookup = (key: string, fallback: string) =>
  (m as unknown as Record<string, MessageFn | undefined>)[key]?.() ?? fallback;

export const typeLabel = (type: string) => lookup(`geo_type_${type}`, type);
export const levelLabel = (level: string) => lookup(`geo_level_${level}`, level);
export const changeLabel = (kind: string) => lookup(`geo_change_${kind}`, kind);
export const shareLabel = (share: string) => lookup(`geo_share_${share}`, share);

/** [valid_from, valid_to) shown as "from 01/07/2025" or "from … until <last valid day>". */
export function validity(from: string, to: string | null): string {
  if (!to) return m.geo_valid_from({ from: formatDate(from) });
  const last = new Date(to + 'T00:00:00Z');
  last.setUTCDate(last.getUTCDate() - 1);
  return m.geo_valid_between({ from: formatDate(from), to: formatDate(last.toISOString().slice(0, 10)) });
}
