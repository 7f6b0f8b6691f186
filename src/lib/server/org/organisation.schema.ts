/**
 * Organisation input and output schemas, shared by the HTML forms and the JSON API (and the
 * OpenAPI document, which is generated from them). Form fields arrive as strings; JSON
 * clients may also send null for optional fields. Dates accept dd/mm/yyyy or YYYY-MM-DD and
 * come out as 'YYYY-MM-DD'.
 */
import { z } from 'zod';
import { date, optionalDate, optionalText } from '$lib/server/fields';
import { clean } from '$lib/shared/text';
import { ORG_KINDS, ORG_TYPES } from './organisation.policy';

const id = z.string().trim().min(1, 'err_required').max(64, 'err_too_long');

const optionalId = z
  .union([z.string().max(64, 'err_too_long'), z.null()])
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : null));

const phone = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    const digits = (v ?? '').replace(/[\s.-]/g, '');
    if (!digits) return null;
    if (!/^0\d{9}$/.test(digits)) ctx.addIssue({ code: 'custom', message: 'err_phone' });
    return digits;
  })
  .meta({ description: '10 digits starting with 0', examples: ['0912345678'] });

const name = z
  .string({ error: 'err_required' })
  .trim()
  .min(1, 'err_required')
  .max(200, 'err_too_long')
  .transform(clean);

/** An empty choice is "required"; an unknown value is "invalid". */
const choiceError = (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === '' ? 'err_required' : 'err_invalid';
export const orgKindSchema = z.enum(ORG_KINDS, { error: choiceError });
export const orgTypeSchema = z.enum(ORG_TYPES, { error: choiceError });

/** Create form / POST /api/v1/organisations. */
export const organisationCreateSchema = z.object({
  kind: orgKindSchema,
  type: orgTypeSchema,
  name,
  parent_id: optionalId.meta({ description: 'Parent organisation; empty only for top-level bodies (administrators)' }),
  admin_unit_id: id.meta({ description: 'Administrative unit valid on valid_from' }),
  valid_from: date,
  phone,
  address: optionalText(300)
});

/** The create form: the kind follows from the chosen type, so a missing type is reported once. */
export const organisationCreateFormSchema = organisationCreateSchema.omit({ kind: true });

/** Edit form (all fields) / PATCH /api/v1/organisations/{id} (any subset, see patch schema). */
export const organisationEditSchema = z.object({
  type: orgTypeSchema,
  name,
  admin_unit_id: id,
  valid_from: date,
  phone,
  address: optionalText(300)
});

export const organisationPatchSchema = organisationEditSchema.partial();

/** Close form: the first day the organisation no longer exists, and who takes over. */
export const organisationCloseSchema = z.object({
  valid_to: date,
  successor_id: optionalId
});

const flag = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'on');

/** List filters (query string of the page and of GET /api/v1/organisations). */
export const orgQuerySchema = z.object({
  kind: z
    .union([orgKindSchema, z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  type: z
    .union([orgTypeSchema, z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  q: z
    .string()
    .max(100, 'err_too_long')
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : undefined)),
  include_closed: flag.meta({ description: 'Also list closed organisations' }),
  as_of: optionalDate.meta({ description: 'Only organisations open on this date' }),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1)
});
export type OrgQuery = z.infer<typeof orgQuerySchema>;

const ref = z.object({ id: z.string(), name: z.string() });

/** An organisation as the API returns it. */
export const organisationSchema = z.object({
  id: z.string(),
  kind: orgKindSchema,
  type: orgTypeSchema,
  name: z.string(),
  parent: ref.nullable(),
  admin_unit: z.object({ id: z.string(), code: z.string().nullable(), name: z.string() }).nullable(),
  valid_from: z.string().meta({ format: 'date' }),
  valid_to: z.string().meta({ format: 'date' }).nullable(),
  successor: ref.nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable()
});
export type OrganisationOut = z.infer<typeof organisationSchema>;

export const organisationListSchema = z.object({
  items: z.array(organisationSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int()
});
