/**
 * Unit list filters and the unit as the API returns it, shared by /units, GET /api/v1/units
 * and the OpenAPI document. Query values arrive as strings; '' means "not given".
 */
import { z } from 'zod';
import { parseDate, todayVn } from '$lib/shared/format';
import { dateIssue } from '$lib/server/fields';

export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const at = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v || !v.trim()) return todayVn();
    const iso = parseDate(v);
    if (!iso) ctx.addIssue(dateIssue(v));
    return iso ?? '';
  })
  .meta({
    description: 'As of this date (dd/mm/yyyy or YYYY-MM-DD); default today in Vietnam',
    examples: ['2025-07-01']
  });

export const unitQuerySchema = z.object({
  level: z.preprocess(blank, z.enum(UNIT_LEVELS, { error: 'err_invalid' }).optional()),
  at,
  parent: z
    .preprocess(blank, z.string().trim().max(64, 'err_too_long').optional())
    .meta({ description: 'Parent unit: surrogate id, or official code read as of `at`' }),
  code: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^\d{2,5}$/, 'geo_err_code')
        .optional()
    )
    .meta({ description: 'Official code, zero-padded', examples: ['03388'] }),
  q: z
    .preprocess(blank, z.string().trim().max(100, 'err_too_long').optional())
    .meta({ description: 'Name search ignoring diacritics and đ/d', examples: ['doan ket'] }),
  limit: z.preprocess(
    blank,
    z.coerce
      .number({ error: 'err_invalid' })
      .int('err_invalid')
      .min(1, 'err_invalid')
      .max(500, 'err_invalid')
      .default(50)
  ),
  offset: z.preprocess(
    blank,
    z.coerce.number({ error: 'err_invalid' }).int('err_invalid').min(0, 'err_invalid').default(0)
  )
});
export type UnitQueryInput = z.output<typeof unitQuerySchema>;

const date = z.string().meta({ format: 'date' });

/** An administrative unit version as the API returns it. */
export const unitSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  level: z.enum(UNIT_LEVELS),
  type: z.string().meta({ examples: ['xa', 'phuong', 'tinh'] }),
  name: z.string(),
  full_name: z.string(),
  parent_id: z.string().nullable(),
  valid_from: date,
  valid_to: date.nullable().meta({ description: 'First day no longer valid (half-open period)' }),
  centre: z.object({ lat: z.number(), lon: z.number() }).nullable()
});

export const unitListSchema = z.object({ items: z.array(unitSchema), total: z.number().int() });

const historySchema = z.object({
  unit: unitSchema,
  kind: z.enum(['merge', 'split', 'rename', 'retype', 'reparent', 'establish', 'abolish']),
  effective_date: date,
  legal_basis: z.string().nullable(),
  share: z.enum(['full', 'partial'])
});

/** GET /api/v1/units/{id}: the unit with where it came from and what it became. */
export const unitDetailSchema = unitSchema.extend({
  predecessors: z.array(historySchema),
  successors: z.array(historySchema)
});
