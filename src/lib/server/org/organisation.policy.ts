/**
 * Pure rules about organisation kinds and types: which types exist for each kind and which
 * parent a type may hang under. No database, no actor — the service applies these.
 */
import { isValidOn } from '$lib/shared/validity';

export const ORG_KINDS = ['association', 'agency'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ASSOCIATION_TYPES = ['province_association', 'commune_association', 'branch', 'group', 'club'] as const;
export const AGENCY_TYPES = [
  'environment_department',
  'department_unit',
  'forest_rangers',
  'commune_committee',
  'police',
  'other_agency'
] as const;
export const ORG_TYPES = [...ASSOCIATION_TYPES, ...AGENCY_TYPES] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const TYPES_BY_KIND: Record<OrgKind, readonly OrgType[]> = {
  association: ASSOCIATION_TYPES,
  agency: AGENCY_TYPES
};

/**
 * Where each type may sit. `root`: may have no parent (only administrators create roots).
 * `parents`: the parent types it may hang under. Agency types only under agencies and
 * association types only under the association, so the two trees never mix.
 */
export const PLACEMENT: Record<OrgType, { root: boolean; parents: readonly OrgType[] }> = {
  province_association: { root: true, parents: [] },
  commune_association: { root: false, parents: ['province_association'] },
  branch: { root: false, parents: ['commune_association'] },
  group: { root: false, parents: ['branch'] },
  club: { root: false, parents: ['commune_association', 'branch'] },
  environment_department: { root: true, parents: [] },
  department_unit: { root: false, parents: ['environment_department', 'department_unit'] },
  forest_rangers: { root: false, parents: ['environment_department'] },
  commune_committee: { root: true, parents: [] },
  police: { root: true, parents: ['police'] },
  other_agency: { root: true, parents: [...AGENCY_TYPES] }
};

export function kindOfType(type: OrgType): OrgKind {
  return (ASSOCIATION_TYPES as readonly string[]).includes(type) ? 'association' : 'agency';
}

/** Does a `type` organisation fit under a parent of `parentType` (null = top level)? */
export function fitsUnder(type: OrgType, parentType: OrgType | null): boolean {
  const rule = PLACEMENT[type];
  return parentType === null ? rule.root : rule.parents.includes(parentType);
}

/** Types that may be created under a parent (or at top level), in the fixed list order. */
export function typesUnder(parentType: OrgType | null, kind?: OrgKind): OrgType[] {
  return ORG_TYPES.filter((t) => fitsUnder(t, parentType) && (!kind || kindOfType(t) === kind));
}

/** Is the organisation open on `date` ('YYYY-MM-DD')? */
export const isOpenOn = isValidOn;
