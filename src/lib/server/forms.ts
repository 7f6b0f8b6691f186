/**
 * Form and API validation with zod. Schemas use catalogue keys as messages
 * (e.g. `z.string().min(1, 'err_required')`); this turns issues into localised messages
 * per field, in the order the fields appear, for the error summary.
 */
import type { z } from 'zod';
import { AppError } from './errors';
import { hasMessage, t } from './i18n';

export type FieldErrors = Record<string, string>;

export type Parsed<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; codes: Record<string, string>; params: Record<string, Record<string, number>> };

function keyOf(issue: z.core.$ZodIssue): string {
  // Schemas name catalogue keys as messages (err_required, org_err_parent, ...).
  if (issue.message && hasMessage(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return 'err_required';
  if (issue.code === 'too_big') return 'err_too_long';
  if (issue.code === 'too_small') return 'err_required';
  return 'err_invalid';
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  const codes: Record<string, string> = {};
  const fieldParams: Record<string, Record<string, number>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_form';
    if (errors[field]) continue;
    const key = keyOf(issue);
    const params: Record<string, number> =
      'maximum' in issue ? { max: Number(issue.maximum) } : 'minimum' in issue ? { min: Number(issue.minimum) } : {};
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
