/** The model list's filters from a query string; unknown values are ignored, not errors. */
import { MODEL_KINDS, MODEL_STATUSES } from '$lib/shared/program/kinds';
import type { ModelFilter } from './model-list.repository';

const pick = <T extends readonly string[]>(list: T, v: string | null) =>
  (list as readonly string[]).includes(v ?? '') ? v : null;

export function parseModelQuery(p: URLSearchParams): ModelFilter {
  return {
    kind: pick(MODEL_KINDS, p.get('kind')),
    status: pick(MODEL_STATUSES, p.get('status')),
    communeId: (p.get('commune') ?? '').slice(0, 64) || null,
    q: (p.get('q') ?? '').trim().slice(0, 200) || null
  };
}

/** The same filters back as a query string (export and map links keep them). */
export function modelQueryString(f: ModelFilter): string {
  const s = new URLSearchParams();
  if (f.kind) s.set('kind', f.kind);
  if (f.status) s.set('status', f.status);
  if (f.communeId) s.set('commune', f.communeId);
  if (f.q) s.set('q', f.q);
  const out = s.toString();
  return out ? `?${out}` : '';
}
