/** Catalogue labels for stored codes (unit types, levels, change kinds); unknown codes show as-is. */
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/shared/format';
import { label } from '$lib/shared/labels/lookup';
import { UNIT_CHANGE, UNIT_LEVEL, UNIT_SHARE, UNIT_TYPE } from '$lib/shared/labels/geo';

/** Same list as UNIT_LEVELS in unit.schema.ts (server-only module, so not importable here). */
export const LEVELS = ['province', 'district', 'commune', 'village'] as const;

export const typeLabel = (type: string) => label(UNIT_TYPE, type);
export const levelLabel = (level: string) => label(UNIT_LEVEL, level);
export const changeLabel = (kind: string) => label(UNIT_CHANGE, kind);
export const shareLabel = (share: string) => label(UNIT_SHARE, share);

/** [valid_from, valid_to) shown as "from 01/07/2025" or "from … until <last valid day>". */
export function validity(from: string, to: string | null): string {
  if (!to) return m.geo_valid_from({ from: formatDate(from) });
  const last = new Date(to + 'T00:00:00Z');
  last.setUTCDate(last.getUTCDate() - 1);
  return m.geo_valid_between({ from: formatDate(from), to: formatDate(last.toISOString().slice(0, 10)) });
}
