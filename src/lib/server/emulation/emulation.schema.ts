/** Input of the emulation forms and services (messages are catalogue keys). */
import { z } from 'zod';
import { count, date, id, list, optionalText } from '$lib/server/fields';
import { AWARD_FORM_CODES, CRITERION_GROUPS, MEASURES, PASS_RULES, SUBJECT_KINDS } from '$lib/shared/emulation/rules';

/** A required text; `missing` names what is missing where "please fill in" would not say why. */
const text = (max: number, missing = 'err_required') =>
  z.string({ error: missing }).trim().min(1, missing).max(max, 'err_too_long');

export const criterionSchema = z.object({
  group_code: z.enum(CRITERION_GROUPS, { error: 'err_required' }),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, 'err_invalid'),
  name: text(300),
  measure: z.enum(MEASURES, { error: 'err_required' }),
  target: count,
  points: count
});
export type CriterionInput = z.output<typeof criterionSchema>;

const campaignFields = {
  name: text(300),
  kind: z.enum(['movement', 'specialised']),
  subjects: list(z.enum(SUBJECT_KINDS, { error: 'err_invalid' })).refine((l) => l.length > 0, 'err_required'),
  register_from: date,
  register_to: date,
  evaluate_from: date,
  evaluate_to: date,
  title_threshold: count
};

function periodsInOrder(
  c: { register_from: string; register_to: string; evaluate_from: string; evaluate_to: string },
  ctx: z.RefinementCtx
) {
  if (c.register_to < c.register_from)
    ctx.addIssue({ code: 'custom', path: ['register_to'], message: 'emu_err_period' });
  if (c.evaluate_to < c.evaluate_from)
    ctx.addIssue({ code: 'custom', path: ['evaluate_to'], message: 'emu_err_period' });
}

export const campaignSchema = z
  .object({
    organisation_id: id,
    ...campaignFields,
    subjects: z.array(z.enum(SUBJECT_KINDS)).min(1, 'err_required'),
    criteria: z.array(criterionSchema).min(1, 'emu_err_criteria')
  })
  .superRefine(periodsInOrder);
export type CampaignInput = z.output<typeof campaignSchema>;

/** The campaign's own settings as the edit page posts them (its organisation never changes). */
export const campaignSettingsSchema = z.object(campaignFields).superRefine(periodsInOrder);
export type CampaignSettingsInput = z.output<typeof campaignSettingsSchema>;

/**
 * The criteria as the pages post them: one row per criterion, blank rows left out by the form
 * reader (so each error keeps the row number the user sees).
 */
const criteriaRows = z
  .array(criterionSchema.optional())
  .transform((rows) => rows.filter((r): r is CriterionInput => !!r))
  .refine((rows) => rows.length > 0, 'emu_err_criteria');
export const criteriaFormSchema = z.object({ criteria: criteriaRows });

/** A new campaign as its page posts it: settings, launching organisation and criteria. */
export const campaignFormSchema = z
  .object({ organisation_id: id, ...campaignFields, criteria: criteriaRows })
  .superRefine(periodsInOrder);
const CHOOSE_ORGS = {
  branch: 'emu_err_choose_branches',
  commune: 'emul_err_choose_communes',
  env_collective: 'emul_err_choose_collectives'
} as const;

/**
 * The page lists branches, commune Hội and environment collectives in one field, each value
 * tagged with its list ("commune:<id>"): the kind chosen says which list counts, so a box left
 * ticked in another list (the form keeps its state after a registration) is not registered as
 * the wrong kind. Untagged ids (other clients, the services' callers) are taken as they are.
 */
function orgsOfKind(kind: string, values: string[]): string[] {
  return values.flatMap((v) => {
    const at = v.indexOf(':');
    if (at < 0) return [v];
    return v.slice(0, at) === kind ? [v.slice(at + 1)] : [];
  });
}

/**
 * A branch registers some of its members (or a household), a commune its branches, the province
 * its commune Hội, and an association level the environment-sector collectives of its area.
 */
export const registerSchema = z
  .object({
    campaign_id: id,
    organisation_id: id,
    subject_kind: z.enum(SUBJECT_KINDS, { error: 'err_required' }),
    person_ids: list(z.string().max(64)),
    household_name: optionalText(200),
    subject_org_ids: list(z.string().max(80)),
    commitments: list(z.string().max(40))
  })
  .transform((r) => ({ ...r, subject_org_ids: orgsOfKind(r.subject_kind, r.subject_org_ids) }))
  .superRefine((r, ctx) => {
    if (r.subject_kind === 'person' && !r.person_ids.length)
      ctx.addIssue({ code: 'custom', path: ['person_ids'], message: 'emu_err_choose_members' });
    if (r.subject_kind === 'household' && !r.household_name)
      ctx.addIssue({ code: 'custom', path: ['household_name'], message: 'err_required' });
    if (r.subject_kind !== 'person' && r.subject_kind !== 'household' && !r.subject_org_ids.length)
      ctx.addIssue({ code: 'custom', path: ['subject_org_ids'], message: CHOOSE_ORGS[r.subject_kind] });
  });
export type RegisterInput = z.output<typeof registerSchema>;

const score = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = String(v).trim();
  if (!/^\d{1,4}$/.test(s)) ctx.addIssue({ code: 'custom', message: 'emu_err_score' });
  return Number(s) || 0;
});

/**
 * An assessment: the points per criterion as typed (criterion code to text; the service checks
 * them against the criteria), or, from callers without a breakdown, the total alone.
 */
export const assessSchema = z.object({
  score: score.optional(),
  points: z.record(z.string(), z.string()).optional(),
  note: optionalText(2000)
});
export type AssessInput = z.output<typeof assessSchema>;

export const evidenceSchema = z.object({ criterion_code: optionalText(40), description: text(2000) });

export const voteSchema = z.object({
  registration_id: id,
  award_form: z.enum(AWARD_FORM_CODES, { error: 'err_required' }),
  in_favour: count,
  against: count,
  abstain: count
});
export type VoteInput = z.output<typeof voteSchema>;

export const councilSchema = z.object({
  organisation_id: id,
  campaign_id: id,
  meeting_on: date,
  members: z.array(z.object({ name: text(200), role: optionalText(100) })).min(1, 'emu_err_members'),
  members_present: count,
  votes: z.array(voteSchema).min(1, 'emu_err_votes')
});
export type CouncilInput = z.output<typeof councilSchema>;

export const passRuleSchema = z.object({
  organisation_id: id,
  award_form: z.enum(AWARD_FORM_CODES),
  rule: z.enum(PASS_RULES)
});

export const nominateSchema = z.object({
  registration_id: id,
  award_form: z.enum(AWARD_FORM_CODES, { error: 'err_required' }),
  to_org_id: id
});
export type NominateInput = z.output<typeof nominateSchema>;

export const decisionSchema = z.object({
  organisation_id: id,
  award_form: z.enum(AWARD_FORM_CODES, { error: 'err_required' }),
  registration_ids: list(z.string().max(64)).pipe(z.array(z.string()).min(1, 'emu_err_choose_candidates')),
  signer_name: z.string({ error: 'emu_err_signer' }).trim().min(1, 'emu_err_signer').max(200, 'err_too_long')
});
export type DecisionInput = z.output<typeof decisionSchema>;

export const revokeSchema = z.object({ reason: text(1000, 'emul4_err_revoke_reason') });
export const consentSchema = z.object({ given_on: date, story: optionalText(1000) });

/** Marking a typical example: the story is what makes it one; models are optional. */
export const typicalSchema = z.object({ story: text(2000), model_ids: list(z.string().max(64)) });

/** The awardee's photo for the board: the photo consent must be ticked and the photo described. */
export const photoSchema = z.object({
  given_on: date,
  photo_consent: z.literal('on', { error: 'emul_err_photo_consent' }),
  alt: z.string({ error: 'emul_err_photo_alt' }).trim().min(1, 'emul_err_photo_alt').max(300, 'err_too_long')
});
