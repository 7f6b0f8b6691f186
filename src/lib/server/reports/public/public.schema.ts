/** Filters of the public list/map and of exports (query string → validated filter). */
import { z } from 'zod';
import { parseDate } from '$lib/shared/format';
import { dateIssue } from '$lib/shared/date-field';
import { STATUSES } from '$lib/shared/reports/status';
import { PUBLIC_STATES } from '$lib/shared/reports/public-status';

const optionalText = (max: number) => z.string().trim().max(max, 'err_too_long').optional().default('');
/** Kept as typed (the filter shows it again); refused with the date field's specific message. */
const optionalDate = z
  .string()
  .trim()
  .optional()
  .default('')
  .superRefine((v, ctx) => {
    if (v !== '' && parseDate(v) === null) ctx.addIssue(dateIssue(v));
  });

export const reportQuerySchema = z.object({
  q: optionalText(200),
  commune: optionalText(64),
  category: optionalText(64),
  status: z
    .union([z.literal(''), z.enum(PUBLIC_STATES), z.enum(STATUSES)])
    .optional()
    .default(''),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1)
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const publicTextSchema = z.object({ public_description: z.string().optional().default('') });
