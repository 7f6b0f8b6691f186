/**
 * zod building blocks for every form and the API (one definition of each kind of field). Form fields arrive as strings (or arrays
 * for repeated fields); messages are catalogue keys. Dates accept dd/mm/yyyy or YYYY-MM-DD.
 */
import { z } from 'zod';
import { clean } from '$lib/shared/text';

export const id = z.string({ error: 'err_required' }).trim().min(1, 'err_required').max(64, 'err_too_long');

// The date fields live in shared code (a report's outcome schema uses them too); one definition.
export { date, dateIssue, optionalDate } from '$lib/shared/date-field';

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
