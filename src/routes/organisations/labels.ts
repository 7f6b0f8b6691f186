/** Catalogue labels for organisation kinds and types (shared by the organisation pages). */
import * as m from '$lib/paraglide/messages';

const TYPE_LABELS: Record<string, () => string> = {
  province_association: m.org_type_province_association,
  commune_association: m.org_type_commune_association,
  branch: m.org_type_branch,
  group: m.org_type_group,
  club: m.org_type_club,
  environment_department: m.org_type_environment_department,
  department_unit: m.org_type_department_unit,
  forest_rangers: m.org_type_forest_rangers,
  commune_committee: m.org_type_commune_committee,
  police: m.org_type_police,
  other_agency: m.org_type_other_agency
};

const KIND_LABELS: Record<string, () => string> = { association: m.org_kind_association, agency: m.org_kind_agency };

export const typeLabel = (type: string): string => TYPE_LABELS[type]?.() ?? type;
export const kindLabel = (kind: string): string => KIND_LABELS[kind]?.() ?? kind;

/** "01/07/2025 – 01/03/2026" or "Since 01/07/2025". */
export function period(from: string, to: string | null, format: (d: string) => string): string {
  return to ? m.org_period({ from: format(from), to: format(to) }) : m.org_since({ from: format(from) });
}
