/** Route glue for the model forms (no rules here). */
import { formatDate } from '$lib/shared/format';

type ModelRow = {
  name: string;
  kind: string;
  organisation_id: string;
  admin_unit_id: string;
  started_on: string;
  ended_on: string | null;
  people_involved: number | null;
  status: string;
  evidence: string | null;
  recognised_by: string | null;
  recognised_on: string | null;
  replicated_from_id: string | null;
};

/** A stored model as form values (dates dd/mm/yyyy). */
export const modelValues = (r: ModelRow): Record<string, string> => ({
  name: r.name,
  kind: r.kind,
  organisation_id: r.organisation_id,
  admin_unit_id: r.admin_unit_id,
  started_on: formatDate(r.started_on),
  ended_on: formatDate(r.ended_on),
  people_involved: r.people_involved ? String(r.people_involved) : '',
  status: r.status,
  evidence: r.evidence ?? '',
  recognised_by: r.recognised_by ?? '',
  recognised_on: formatDate(r.recognised_on),
  replicated_from_id: r.replicated_from_id ?? ''
});

/**
 * Quantities typed the Vietnamese way ("0,5", "1.200,5") → what the schema reads ("0.5",
 * "1200.5"). Without a comma the text is left as typed.
 */
export const decimalInput = (s: string | undefined) =>
  s && s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
