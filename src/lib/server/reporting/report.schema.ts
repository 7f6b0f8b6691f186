/** Form input of reports upward: the period to report on, the narrative, a reviewer's comment. */
import { z } from 'zod';
import { PERIOD_KINDS } from '$lib/shared/reporting/periods';
import { REPORT_KINDS, SECTION_KEYS } from '$lib/shared/reporting/sections';
import { optionalDate } from '$lib/shared/date-field';

export const createReportSchema = z
  .object({
    organisation_id: z.string().trim().min(1, 'rep_err_org').max(64),
    report_kind: z.enum(REPORT_KINDS, { message: 'rep_err_kind' }),
    period_kind: z.enum(PERIOD_KINDS, { message: 'rep_err_period' }),
    year: z.coerce
      .number({ message: 'rep_err_year' })
      .int('rep_err_year')
      .min(2000, 'rep_err_year')
      .max(2100, 'rep_err_year'),
    period_index: z.coerce.number().int().min(1).max(12).default(1),
    start_on: optionalDate,
    end_on: optionalDate,
    /** a sơ kết / tổng kết of a cooperation program: the period must lie inside the program's */
    program_id: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => v || null)
  })
  .superRefine((v, ctx) => {
    if (v.period_kind !== 'range') return;
    if (!v.start_on) ctx.addIssue({ code: 'custom', path: ['start_on'], message: 'rep_err_start' });
    if (!v.end_on) ctx.addIssue({ code: 'custom', path: ['end_on'], message: 'rep_err_end' });
    if (v.start_on && v.end_on && v.end_on < v.start_on)
      ctx.addIssue({ code: 'custom', path: ['end_on'], message: 'rep_err_range' });
  });
export type CreateReportInput = z.output<typeof createReportSchema>;

const text = z.string().max(20_000, 'rep_err_long').optional().default('');
export const narrativeSchema = z.object(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, text])) as Record<(typeof SECTION_KEYS)[number], typeof text>
);
export type NarrativeInput = z.output<typeof narrativeSchema>;

export const returnSchema = z.object({
  comment: z.string().trim().min(1, 'rep_err_comment').max(4000, 'rep_err_long')
});

export const cutoffSchema = z.object({ cutoff: z.enum(['decree09', 'calendar'], { message: 'rep_err_cutoff' }) });
