/**
 * Yearly plan input. Targets arrive as form fields named `targets.<indicator code>` (so a
 * field error's path is the field's name); empty means "no target for this indicator".
 */
import { z } from 'zod';
import { id, optionalText } from '$lib/server/fields';

/** A non-negative number (Vietnamese thousands dots and spaces allowed); empty → null. */
export const targetValue = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    const s = v === null || v === undefined ? '' : String(v).trim().replace(/[.\s]/g, '').replace(',', '.');
    if (s === '') return null;
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) ctx.addIssue({ code: 'custom', message: 'pp_err_target' });
    return Number(s);
  });

export const targetsSchema = z.record(z.string().max(64), targetValue);

/** The edit form changes the targets only. */
export const planTargetsFormSchema = z.object({ targets: targetsSchema });

export const planSchema = z.object({
  organisation_id: id,
  program_id: optionalText(64),
  year: z.coerce.number({ error: 'pp_err_year' }).int('pp_err_year').min(2000, 'pp_err_year').max(2100, 'pp_err_year'),
  targets: targetsSchema
});

export type PlanInput = z.output<typeof planSchema>;

/** Form values → schema input: the `targets.*` fields gathered into one record. */
export function planFormInput(values: Record<string, string | string[]>) {
  const targets: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith('targets.')) targets[k.slice(8)] = String(v);
  return { organisation_id: values.organisation_id, program_id: values.program_id, year: values.year, targets };
}
