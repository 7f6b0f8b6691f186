/**
 * One set of schemas for the people forms, the API and the spreadsheet import. Messages are
 * catalogue keys (see forms.ts `validate`).
 */
import { z } from 'zod';
import { clean } from '$lib/shared/text';
import { date, readDate } from '$lib/shared/date-field';

/** "+84 912 345 678", "0912.345.678" → "0912345678"; null when not a Vietnamese 10-digit number. */
export function normalisePhone(input: string): string | null {
  let s = input.replace(/[\s.\-()]/g, '');
  if (s.startsWith('+84')) s = '0' + s.slice(3);
  else if (s.startsWith('0084')) s = '0' + s.slice(4);
  return /^0\d{9}$/.test(s) ? s : null;
}

// Forms send strings, the API may send numbers or null: read everything as a trimmed string.
const text = z.preprocess(
  (v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : v),
  z.string().trim()
);
const optionalText = (max: number) =>
  text.pipe(z.string().max(max, 'err_too_long')).transform((v) => (v ? clean(v) : null));

const thisYear = () => new Date().getUTCFullYear();
export const birthYear = text
  .refine((v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= thisYear()), 'err_year')
  .transform((v) => (v ? Number(v) : null));

export const phone = text
  .refine((v) => v === '' || normalisePhone(v) !== null, 'err_phone')
  .transform((v) => (v ? normalisePhone(v) : null));

export const SEXES = ['female', 'male', 'other'] as const;
const sex = text
  .refine((v) => v === '' || (SEXES as readonly string[]).includes(v), 'err_invalid')
  .transform((v) => (v ? (v as (typeof SEXES)[number]) : null));

/** A required 'dd/mm/yyyy' (or ISO) date → 'YYYY-MM-DD': the one date field, with its specific messages. */
export const requiredDate = text.pipe(date);
export const optionalDate = text.transform((v, ctx) => (v ? readDate(v, ctx) : null));

const id = text.pipe(z.string().max(64, 'err_invalid'));

export const personInputSchema = z.object({
  full_name: text.pipe(z.string().min(1, 'err_required').max(200, 'err_too_long')).transform(clean),
  birth_year: birthYear,
  sex,
  organisation_id: id.pipe(z.string().min(1, 'err_required')),
  village_unit_id: id.transform((v) => v || null),
  phone,
  address: optionalText(500)
});
export type PersonInput = z.infer<typeof personInputSchema>;

/** PATCH: every field optional; absent fields stay unchanged. */
export const personPatchSchema = personInputSchema.partial();
export type PersonPatch = z.infer<typeof personPatchSchema>;

/** What the API returns. Sensitive fields are never part of it. */
export const personSchema = z.object({
  id: z.string(),
  organisation_id: z.string(),
  full_name: z.string(),
  birth_year: z.number().int().nullable(),
  sex: z.enum(SEXES).nullable(),
  village_unit_id: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  is_member: z.boolean(),
  anonymised_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string()
});
export type PersonOut = z.infer<typeof personSchema>;

export const personQuerySchema = z.object({
  q: text.pipe(z.string().max(100, 'err_too_long')).default(''),
  organisation_id: text.default(''),
  village_unit_id: text.default(''),
  member: text.refine((v) => ['', 'yes', 'no'].includes(v), 'err_invalid').default(''),
  page: text
    .refine((v) => v === '' || /^\d{1,5}$/.test(v), 'err_invalid')
    .transform((v) => Math.max(1, Number(v) || 1))
    .default(1),
  per_page: text
    .refine((v) => v === '' || /^\d{1,3}$/.test(v), 'err_invalid')
    .transform((v) => Math.min(100, Math.max(1, Number(v) || 25)))
    .default(25)
});
export type PersonQuery = z.infer<typeof personQuerySchema>;

export const membershipInputSchema = z.object({
  card_number: optionalText(50),
  joined_on: requiredDate
});
export type MembershipInput = z.infer<typeof membershipInputSchema>;

/**
 * The new-person form: a membership is recorded only when a date joined or a card number is
 * given, and then the date is required.
 */
export const personCreateFormSchema = personInputSchema
  .extend({ card_number: optionalText(50), joined_on: optionalDate })
  .superRefine((v, ctx) => {
    if (v.card_number && !v.joined_on) ctx.addIssue({ code: 'custom', path: ['joined_on'], message: 'err_required' });
  });

export const membershipEndSchema = z.object({
  membership_id: id.pipe(z.string().min(1, 'err_required')),
  left_on: requiredDate
});

export const CONSENT_METHODS = ['signature', 'fingerprint', 'oral_witness'] as const;
export const consentInputSchema = z
  .object({
    version: text.pipe(z.string().min(1, 'err_required').max(50, 'err_too_long')),
    given_on: requiredDate,
    // Never pre-selected on the form: an absent choice is an error, not a default.
    method: text
      .pipe(z.string().min(1, 'err_required'))
      .refine((v) => (CONSENT_METHODS as readonly string[]).includes(v), 'err_invalid')
      .transform((v) => v as (typeof CONSENT_METHODS)[number]),
    witness_name: optionalText(200)
  })
  .superRefine((v, ctx) => {
    if (v.method === 'oral_witness' && !v.witness_name)
      ctx.addIssue({ code: 'custom', path: ['witness_name'], message: 'err_required' });
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const sensitiveInputSchema = z.object({
  ethnicity: optionalText(100),
  health_note: optionalText(1000)
});
export type SensitiveInput = z.infer<typeof sensitiveInputSchema>;

/** An irreversible erasure needs an explicit tick, never a pre-ticked box. */
export const anonymiseSchema = z.object({ confirm: z.literal('yes', { error: 'people_err_confirm' }) });
