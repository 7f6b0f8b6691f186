/**
 * zod building blocks for every form and the API (one definition of each kind of field). Form fields arrive as strings (or arrays
 * for repeated fields); messages are catalogue keys. Dates accept dd/mm/yyyy or YYYY-MM-DD.
 */
import { z } from 'zod';
import { parseDate } from '$lib/shared/format';
import { clean } from '$lib/shared/text';

export const id = z.string({ error: 'err_required' }).trim().min(1, 'err_required').max(64, 'err_too_long');

/**
 * Why a typed date was refused. "31/02/2026" has the right shape but is not in the calendar:
 * saying so (with the day and month back) lets the user see the slip instead of re-reading the
 * format hint. Anything else gets the format message.
 */
export function dateIssue(input: string): { code: 'custom'; message: string; params?: Record<string, string> } {
  const s = input.trim();
  const dmy = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  const ymd = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const parts = dmy ? [dmy[1], dmy[2], dmy[3]] : ymd ? [ymd[3], ymd[2], ymd[1]] : null;
  if (!parts) return { code: 'custom', message: 'err_date' };
  const [day, month, year] = parts.map((p, i) => (i < 2 ? p.padStart(2, '0') : p));
  if (Number(month) < 1 || Number(month) > 12)
    return { code: 'custom', message: 'emul3_err_date_month', params: { month } };
  if (Number(day) < 1 || Number(day) > 31) return { code: 'custom', message: 'emul3_err_date_day', params: { day } };
  return { code: 'custom', message: 'emul3_err_date_not_in_calendar', params: { day, month, year } };
}

export const date = z
  .string({ error: 'err_required' })
  .trim()
  .min(1, 'err_required')
  .transform((v, ctx) => {
    const iso = parseDate(v);
    if (!iso) ctx.addIssue(dateIssue(v));
    return iso ?? '';
  })
  .meta({ description: 'dd/mm/yyyy or YYYY-MM-DD', examples: ['2025-07-01'] });

export const optionalDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (!v || !v.trim()) return null;
    const iso = parseDate(v);
    if (!iso) ctx.addIssue(dateIssue(v));
    return iso;
  })
  .meta({ description: 'dd/mm/yyyy or YYYY-MM-DD; empty for none' });

export const optionalText = (max: number) =>
  z
    .union([z.string().max(max, 'err_too_long'), z.null()])
    .optional()
    .transform((v) => (v && clean(v) ? clean(v) : null));

/** A non-negative whole number; empty means 0. */
export const count = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    const s = v === null || v === undefined ? '' : String(v).trim().replace(/[.\s]/g, '');
    if (s === '') return 0;
    if (!/^\d{1,9}$/.test(s)) ctx.addIssue({ code: 'custom', message: 'program_err_count' });
    return Number(s) || 0;
  });

/** Repeated form field or JSON array → unique trimmed non-empty strings. */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string()), z.null()])
    .optional()
    .transform((v) => [
      ...new Set((v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
    ])
    .pipe(z.array(item) as unknown as z.ZodType<z.output<T>[], string[]>);

export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null))
    .pipe(z.enum(values).nullable());

/** A chosen file (browsers send an empty part when none was chosen); the service checks type and size. */
export const chosenFile = z.custom<File>((v) => v instanceof File && v.size > 0, 'err_required');
