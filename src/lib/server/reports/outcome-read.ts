/**
 * The agency's decision as stored on a resolved event, read field by field: the reporter's
 * timeline shows all of it, the public API only its note (the outcome in words).
 */
import { readJson } from '$lib/server/db/dialect';

export interface ReporterOutcome {
  kind: string;
  decisionNo: string | null;
  fineVnd: number | null;
  remedies: string | null;
  note: string | null;
}

export function outcomeOf(data: unknown): ReporterOutcome | null {
  const o = readJson<{ outcome?: Record<string, unknown> }>(data)?.outcome;
  if (!o || typeof o.kind !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  return {
    kind: o.kind,
    decisionNo: str(o.decision_no),
    fineVnd: typeof o.fine_vnd === 'number' ? o.fine_vnd : null,
    remedies: str(o.remedies),
    note: str(o.note)
  };
}
