/**
 * An audit value as a person reads it: instants in local dd/mm/yyyy HH:mm, yes/no for flags,
 * a snapshot of several fields as "field: value; …" instead of raw JSON. The stored rows keep
 * the exact values; only the page changes.
 */
import { formatDateTime } from './format';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function readableAuditValue(v: string, words: { yes: string; no: string }): string {
  if (INSTANT.test(v)) return formatDateTime(v);
  if (v === 'true') return words.yes;
  if (v === 'false') return words.no;
  if (!/^[[{]/.test(v)) return v;
  try {
    const parsed: unknown = JSON.parse(v);
    const one = (x: unknown): string =>
      x === null ? '—' : typeof x === 'object' ? JSON.stringify(x) : readableAuditValue(String(x), words);
    if (Array.isArray(parsed)) return parsed.map(one).join(', ');
    return Object.entries(parsed as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${one(x)}`)
      .join('; ');
  } catch {
    return v;
  }
}
