/** Effective model input; results (quantities with units) are added separately. */
import { z } from 'zod';
import { MODEL_KINDS, MODEL_STATUSES } from '$lib/shared/program/kinds';
import { count, date, id, optionalDate, optionalText } from '$lib/server/fields';

export const modelSchema = z
  .object({
    name: z.string({ error: 'err_required' }).trim().min(1, 'err_required').max(200, 'err_too_long'),
    kind: z.enum(MODEL_KINDS, { error: 'err_required' }),
    organisation_id: id,
    admin_unit_id: id,
    started_on: date,
    ended_on: optionalDate,
    people_involved: count,
    status: z.enum(MODEL_STATUSES, { error: 'err_required' }),
    evidence: optionalText(2000),
    recognised_by: optionalText(200),
    recognised_on: optionalDate,
    replicated_from_id: optionalText(64)
  })
  .superRefine((m, ctx) => {
    // An ended model needs its end date: active_models counts down in that month.
    if (m.status === 'ended' && !m.ended_on)
      ctx.addIssue({ code: 'custom', path: ['ended_on'], message: 'err_required' });
    if (m.ended_on && m.started_on && m.ended_on < m.started_on)
      ctx.addIssue({ code: 'custom', path: ['ended_on'], message: 'program_err_end_before_start' });
  });

export type ModelInput = z.output<typeof modelSchema>;

export const modelResultSchema = z.object({
  description: z.string({ error: 'err_required' }).trim().min(1, 'err_required').max(200, 'err_too_long'),
  quantity: z.coerce.number({ error: 'err_invalid' }).finite('err_invalid'),
  unit: z.string({ error: 'err_required' }).trim().min(1, 'err_required').max(40, 'err_too_long'),
  recorded_on: optionalDate
});

export type ModelResultInput = z.output<typeof modelResultSchema>;
