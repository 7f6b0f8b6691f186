/**
 * Form and API validation with zod. Schemas use catalogue keys as messages
 * (e.g. `z.string().min(1, 'err_required')`); this turns issues into localised messages
 * per field, in the order the fields appear, for the error summary.
 */
import { z } from 'zod';
import { optionalDate } from '$lib/shared/date-field';
import { AppError } from './errors';
import { hasMessage, t } from './i18n';

export type FieldErrors = Record<string, string>;
/** A value a message names: a limit, or the day and month of a date as the user typed them. */
type Param = number | string;

export type Parsed<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; codes: Record<string, string>; params: Record<string, Record<string, Param>> };

function keyOf(issue: z.core.$ZodIssue): string {
  // Schemas name catalogue keys as messages (err_required, org_err_parent, ...).
  if (issue.message && hasMessage(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return 'err_required';
  if (issue.code === 'too_big') return 'err_too_long';
  if (issue.code === 'too_small') return 'err_required';
  return 'err_invalid';
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, Param> {
  if ('maximum' in issue) return { max: Number(issue.maximum) };
  if ('minimum' in issue) return { min: Number(issue.minimum) };
  // A custom issue may carry numbers for its message (the day and month of an impossible date).
  if (issue.code === 'custom' && issue.params) return issue.params as Record<string, Param>;
  return {};
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  const codes: Record<string, string> = {};
  const fieldParams: Record<string, Record<string, Param>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_form';
    if (errors[field]) continue;
    const key = keyOf(issue);
    const params = paramsOf(issue);
    codes[field] = key;
    fieldParams[field] = params;
    errors[field] = t(key, params);
  }
  return { ok: false, errors, codes, params: fieldParams };
}

/**
 * Validation inside a service: a failure is thrown as a coded VALIDATION error carrying each
 * field's catalogue key (`details.fields`) and its parameters (`details.params`), untranslated;
 * the route or API edge translates it.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = validate(schema, input);
  if (!parsed.ok) throw new AppError('VALIDATION', 'err_invalid', { fields: parsed.codes, params: parsed.params });
  return parsed.data;
}

/** FormData → plain object of strings (multi-valued fields become arrays). Files are skipped. */
export function formValues(data: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of data.entries()) {
    if (typeof v !== 'string') continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const listDates = z.object({ from: optionalDate, to: optionalDate });

/**
 * Why a list's typed from/to date cannot filter it (the list is shown without it): localised
 * messages by field, so a wrong day is named instead of silently dropped.
 */
export function listDateErrors(params: URLSearchParams): Record<string, string> {
  const parsed = validate(listDates, { from: params.get('from'), to: params.get('to') });
  return parsed.ok ? {} : parsed.errors;
}
