/**
 * The one date field of every form and the API: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy)
 * or YYYY-MM-DD → 'YYYY-MM-DD'. A refused date says why: a month that does not exist, a day
 * that does not exist, a day its month does not have (with what was typed echoed back), or —
 * only when it is not shaped like a date at all — the format hint. Messages are catalogue keys.
 * Isomorphic (zod and pure functions) so shared schemas such as a report's outcome use it too.
 */
import { z } from 'zod';
import { parseDate } from './format';

/** The day, month and year a typed date names, day and month zero-padded, before any calendar check. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DateIssue = { code: 'custom'; message: string; params?: Record<string, string> };

const pad = (n: string) => n.padStart(2, '0');

/** The parts of a date typed in one of the shapes parseDate reads; null when it has none of them. */
export function partsOf(input: string): DateParts | null {
  const s = input.trim();
  const dmy = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (dmy) return { day: pad(dmy[1]), month: pad(dmy[2]), year: dmy[3] };
  const ymd = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return ymd ? { day: ymd[3], month: ymd[2], year: ymd[1] } : null;
}

/**
 * Why a date was refused, from the parts its parser read (null: not shaped like a date). The
 * month is checked first: in "31/13/2025" the 13 is the slip, not the 31.
 */
export function dateProblem(parts: DateParts | null): DateIssue {
  if (!parts) return { code: 'custom', message: 'err_date' };
  const { day, month, year } = parts;
  if (Number(month) < 1 || Number(month) > 12) return { code: 'custom', message: 'dates_err_month', params: { month } };
  if (Number(day) < 1 || Number(day) > 31) return { code: 'custom', message: 'dates_err_day', params: { day } };
  // A real day refused for another reason (a parser's year range) gets the format hint.
  if (parseDate(`${day}/${month}/${year}`)) return { code: 'custom', message: 'err_date' };
  return { code: 'custom', message: 'dates_err_not_in_calendar', params: { day, month, year } };
}

/** The issue for a date typed in the field's own shapes. */
export const dateIssue = (input: string): DateIssue => dateProblem(partsOf(input));

/** The date typed (trimmed, non-empty) as 'YYYY-MM-DD', or null with the reason added to `ctx`. */
export function readDate(v: string, ctx: z.RefinementCtx): string | null {
  const iso = parseDate(v);
  if (!iso) ctx.addIssue(dateIssue(v));
  return iso;
}

/** A required date → 'YYYY-MM-DD'. */
export const date = z
  .string({ error: 'err_required' })
  .trim()
  .min(1, 'err_required')
  .transform((v, ctx) => readDate(v, ctx) ?? '')
  .meta({ description: 'dd/mm/yyyy or YYYY-MM-DD', examples: ['2025-07-01'] });

/** An optional date → 'YYYY-MM-DD', or null when left empty (forms send '', the API null or nothing). */
export const optionalDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx): string | null => (v && v.trim() ? readDate(v.trim(), ctx) : null))
  .meta({ description: 'dd/mm/yyyy or YYYY-MM-DD; empty for none' });
