/** Filters of the audit browser (query string). Dates are typed dd/mm/yyyy. */
import { z } from 'zod';
import { optionalDate } from '$lib/shared/date-field';

const text = z
  .string()
  .optional()
  .transform((v) => v?.trim().slice(0, 100) || undefined);

/** The one date field (a wrong day or month is told as such); an empty filter is no filter. */
const date = optionalDate.transform((v) => v ?? undefined);

export const auditFilterSchema = z
  .object({
    entity_type: text,
    action: text,
    actor: text,
    q: text,
    from: date,
    to: date,
    page: z.coerce.number().int().min(1).max(10_000).catch(1)
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'admin_err_date_order' });
  });
export type AuditFilterInput = z.infer<typeof auditFilterSchema>;
