/**
 * The rules of emulation and commendation as data, shared by server and pages:
 * forms of reward with the levels that may grant them, the passing rules for a council vote,
 * and the criteria groups of the "Tuổi cao – Gương sáng" movement.
 */

/** The movement's three fronts, plus this program's environment criteria. */
export const CRITERION_GROUPS = ['strong_association', 'caring', 'promoting_role', 'environment'] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

/** What a criterion counts in the records for the evaluation period, or 'manual' (assessed by hand). */
export const MEASURES = [
  'reports',
  'reports_verified',
  'reports_outcome',
  'outreach_led',
  'outreach_attended',
  'commitments',
  'models_led',
  'models_replicated',
  'trainings',
  'manual'
] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * Who a campaign may cover: a member, a household, a chi hội, a commune Hội (registered by the
 * province level above it) and a collective of the environment sector (an organisation of the
 * environment side, registered by the association level of its area) when the program includes them.
 */
export const SUBJECT_KINDS = ['person', 'household', 'branch', 'commune', 'env_collective'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** Subjects that are an organisation (`subject_org_id`): a collective, never a person. */
export const ORG_SUBJECTS = ['branch', 'commune', 'env_collective'] as const satisfies readonly SubjectKind[];
export const isOrgSubject = (kind: string): boolean => (ORG_SUBJECTS as readonly string[]).includes(kind);

/**
 * Forms of reward and who may grant each (organisation types). A level that is not listed has
 * no authority for the form and must nominate it up the chain. `cash` is the amount as a
 * multiple of the base salary (Decree 98/2023 art. 71–73 for Giấy khen / Bằng khen; the
 * association's own titles and its medal carry no cash from the state budget); collectives get
 * `collective` times the individual amount.
 */
export interface AwardForm {
  code: string;
  grantedBy: readonly string[];
  cash: number;
  collective: number;
}

export const AWARD_FORMS = [
  { code: 'title_commune', grantedBy: ['commune_association'], cash: 0, collective: 1 },
  { code: 'title_province', grantedBy: ['province_association'], cash: 0, collective: 1 },
  { code: 'gk_commune', grantedBy: ['commune_association'], cash: 0.3, collective: 2 },
  { code: 'gk_province', grantedBy: ['province_association'], cash: 0.3, collective: 2 },
  { code: 'gk_department', grantedBy: ['environment_department'], cash: 0.3, collective: 2 },
  { code: 'bk_province_chair', grantedBy: ['province_committee'], cash: 1, collective: 2 },
  { code: 'bk_central', grantedBy: ['central_association'], cash: 1, collective: 2 },
  { code: 'medal', grantedBy: ['central_association'], cash: 0, collective: 1 }
] as const satisfies readonly AwardForm[];
export type AwardFormCode = (typeof AWARD_FORMS)[number]['code'];
export const AWARD_FORM_CODES = AWARD_FORMS.map((f) => f.code) as [AwardFormCode, ...AwardFormCode[]];

export function awardForm(code: string): AwardForm | null {
  return AWARD_FORMS.find((f) => f.code === code) ?? null;
}

/** May an organisation of this type grant the form? */
export function mayGrant(orgType: string, code: string): boolean {
  return awardForm(code)?.grantedBy.includes(orgType) ?? false;
}

/** Cash for one award in đồng, rounded to the nearest thousand as paid out. */
export function cashAmount(
  code: string,
  collective: boolean,
  baseSalary: number
): { multiple: number; amount: number } {
  const f = awardForm(code);
  if (!f) return { multiple: 0, amount: 0 };
  const multiple = f.cash * (collective ? f.collective : 1);
  return { multiple, amount: Math.round((multiple * baseSalary) / 1000) * 1000 };
}

/**
 * How a council vote passes. The council sits only with a quorum of two thirds of its
 * members; the share of votes in favour is counted over all members (absent members may vote
 * by ballot) unless the rule says present members.
 */
export const PASS_RULES = [
  'half_of_members',
  'two_thirds_of_members',
  'seventy_percent_of_members',
  'half_of_present'
] as const;
export type PassRule = (typeof PASS_RULES)[number];
export const DEFAULT_PASS_RULE: PassRule = 'half_of_members';

export interface Tally {
  membersTotal: number;
  membersPresent: number;
  inFavour: number;
  against: number;
  abstain: number;
}

export const hasQuorum = (t: Pick<Tally, 'membersTotal' | 'membersPresent'>): boolean =>
  t.membersTotal > 0 && t.membersPresent * 3 >= t.membersTotal * 2;

/** Integer arithmetic only, so 2/3 of 9 is exactly 6 and never 5.999… */
export function passes(rule: PassRule, t: Tally): boolean {
  if (!hasQuorum(t)) return false;
  switch (rule) {
    case 'half_of_members':
      return t.inFavour * 2 > t.membersTotal;
    case 'two_thirds_of_members':
      return t.inFavour * 3 >= t.membersTotal * 2;
    case 'seventy_percent_of_members':
      return t.inFavour * 10 >= t.membersTotal * 7;
    case 'half_of_present':
      return t.inFavour * 2 > t.membersPresent;
  }
}
