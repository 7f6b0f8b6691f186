/** Cooperation program input: title, parties, signing date, period, objectives, content areas. */
import { z } from 'zod';
import { date, id, list, optionalDate, optionalText } from '$lib/server/fields';

/** A textarea with one content area per line → trimmed non-empty lines. */
const lines = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean)
  )
  .pipe(z.array(z.string().max(300, 'err_too_long')).max(30, 'err_too_long'));

export const programSchema = z
  .object({
    title: z.string({ error: 'err_required' }).trim().min(1, 'err_required').max(300, 'err_too_long'),
    organisation_id: id,
    parties: list(z.string().max(64)).pipe(z.array(z.string()).min(1, 'pp_err_parties')),
    signed_on: optionalDate,
    period_from: date,
    period_to: date,
    objectives: optionalText(4000),
    content_areas: lines
  })
  .superRefine((p, ctx) => {
    if (p.period_from && p.period_to && p.period_to < p.period_from)
      ctx.addIssue({ code: 'custom', path: ['period_to'], message: 'program_err_end_before_start' });
  });

export type ProgramInput = z.output<typeof programSchema>;
