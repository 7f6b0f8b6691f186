/**
 * The one shape of a form action: read the form → (signed-in actions) check the session →
 * validate with zod → call the service → redirect (so a reload never resubmits) or return data.
 * Failures keep what was typed: `fail(status, { action, values, errors })`, errors keyed by
 * field (or `<name>_<field>` when a page has several forms) and translated at this edge.
 */
import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actor } from '$lib/server/access/actor';
import type { Db } from '$lib/server/db';
import { isAppError, type AppError } from '$lib/server/errors';
import { formValues, validate, type FieldErrors } from '$lib/server/forms';
import { errorText, t } from '$lib/server/i18n';
import { loginHref } from './guards';
import { BadForm, inUploadArea, readMultipartToDisk } from './multipart';

export type FormValues = Record<string, string | string[]>;

/** What a failed form shows again: everything typed except passwords. */
const shown = (values: FormValues): FormValues =>
  Object.fromEntries(Object.entries(values).filter(([k]) => !/password|^current$/i.test(k)));

export interface FormContext<T> {
  event: RequestEvent;
  db: Db;
  actor: Actor;
  data: T;
  /** The raw form, for files. */
  form: FormData;
  values: FormValues;
}

/** What a schema built per request may read (e.g. the account whose password is being set). */
export type SchemaContext = Pick<FormContext<unknown>, 'event' | 'db' | 'actor'>;

export interface FormActionSpec<S extends z.ZodType, R> {
  /** The schema, or a function building it when a rule needs stored data (its AppErrors fail like run's). */
  schema: S | ((ctx: SchemaContext) => S | Promise<S>);
  /** 'signed-in' (default): anonymous posts go to sign-in (drafts/hook.ts keeps a just-expired session's form). */
  access?: 'signed-in' | 'public';
  /** Signed-in users this rejects get 404 before anything is read, as from guardRole. */
  allow?: (actor: Actor) => boolean;
  /** Set on pages with several forms: errors become `<name>_<field>`, results carry `action: name`. */
  name?: string;
  /** Reshape raw values before validation (the raw form is there for files). */
  prepare?: (values: FormValues, form: FormData) => Record<string, unknown>;
  /** What a failed form shows again (after passwords are dropped), e.g. a date as it was read. */
  keep?: (values: FormValues) => FormValues;
  /**
   * More data a failed form needs to be shown again (e.g. the choices of a step without
   * JavaScript, or the row problems a service's error carries); `error` is the coded error, if any.
   */
  withFailure?: (values: FormValues, event: RequestEvent, error?: AppError) => Promise<object>;
  run: (ctx: FormContext<z.infer<S>>) => Promise<R>;
  /** Where to go after success (localised here); without it the result is returned as action data. */
  redirectTo?: string | ((result: R, event: RequestEvent) => string);
}

type Failure = ActionFailure<{ action?: string; values: FormValues; errors: FieldErrors }>;

const keyed = (name: string | undefined, errors: FieldErrors): FieldErrors =>
  name ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_form' ? k : `${name}_${k}`, v])) : errors;

/** A coded service error as field errors (details.field / details.fields name the inputs). */
export function errorsOf(e: AppError): FieldErrors {
  const fields = e.details?.fields as Record<string, string> | undefined;
  const params = e.details?.params as Record<string, Record<string, unknown>> | undefined;
  if (fields)
    return Object.fromEntries(Object.entries(fields).map(([f, key]) => [f, t(key, params?.[f] ?? e.details)]));
  const text = errorText(e.message, e.details);
  return e.details?.field ? { [String(e.details.field)]: text } : { _form: text };
}

/** Form actions outside formAction: AppError → fail with the typed values; 404 stays a 404. */
export function failFromError(e: unknown, values: FormValues, name?: string): Failure {
  if (!isAppError(e)) throw e;
  if (e.code === 'NOT_FOUND') error(404, 'Not found');
  return fail(e.status, { action: name, values, errors: keyed(name, errorsOf(e)) });
}

/**
 * A body that is not a readable form (truncated multipart, wrong type) is the client's fault;
 * so is one over the server's body limit (BODY_SIZE_LIMIT), which the person can fix by
 * sending fewer or smaller files, so it is told apart.
 */
export async function readFormChecked(request: Request): Promise<{ form: FormData | null; tooLarge: boolean }> {
  try {
    return { form: await readBody(request), tooLarge: false };
  } catch (e) {
    // Only a failure to store the files (a full disk) is the server's fault.
    if (e instanceof BadForm) return { form: null, tooLarge: e.status === 413 };
    throw e;
  }
}

// The server's requests read uploads to disk (http/multipart.ts); other callers read them whole.
const readBody = (request: Request): Promise<FormData> =>
  inUploadArea() && (request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
    ? readMultipartToDisk(request)
    : request.formData().catch((e: { status?: number; message?: string }) => {
        throw new BadForm(String(e?.message), e?.status === 413 ? 413 : 400);
      });

export const readForm = async (request: Request): Promise<FormData | null> => (await readFormChecked(request)).form;

/**
 * For hand-written actions: the posted form, or a 400 when the body is not a readable form, so
 * a malformed upload is answered as the client's mistake instead of a server error.
 */
export async function postedForm(request: Request): Promise<FormData> {
  return (await readForm(request)) ?? error(400, 'Bad form');
}

// A post on a just-expired session never gets here: drafts/hook.ts keeps it as a draft first.
function signedIn(event: RequestEvent): void {
  if (event.locals.actor.kind === 'anonymous') redirect(303, loginHref(event.url));
}

/** The failure as the page shows it: the kept values, the errors and any data the spec adds. */
async function failed<S extends z.ZodType, R>(
  spec: FormActionSpec<S, R>,
  event: RequestEvent,
  values: FormValues,
  status: number,
  errors: FieldErrors,
  cause?: AppError
) {
  const kept = spec.keep ? spec.keep(shown(values)) : shown(values);
  const extra: object = spec.withFailure ? await spec.withFailure(values, event, cause) : {};
  return fail(status, { ...extra, action: spec.name, values: kept, errors: keyed(spec.name, errors) });
}

async function attempt<S extends z.ZodType, R>(spec: FormActionSpec<S, R>, event: RequestEvent, form: FormData) {
  const values = formValues(form);
  const ctx = { event, db: event.locals.db, actor: event.locals.actor };
  try {
    const schema = typeof spec.schema === 'function' ? await spec.schema(ctx) : spec.schema;
    const parsed = validate(schema, spec.prepare ? spec.prepare(values, form) : values);
    if (!parsed.ok) return failed(spec, event, values, 400, parsed.errors);
    return { result: await spec.run({ ...ctx, data: parsed.data, form, values }) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    // On a public form (sign-in) UNAUTHENTICATED is the answer to show, not a reason to go sign in.
    if (e.code === 'UNAUTHENTICATED' && spec.access !== 'public') redirect(303, loginHref(event.url));
    if (e.code === 'NOT_FOUND') error(404, 'Not found');
    return failed(spec, event, values, e.status, errorsOf(e), e);
  }
}

export function formAction<S extends z.ZodType, R = void>(spec: FormActionSpec<S, R>) {
  return async (event: RequestEvent) => {
    const { form, tooLarge } = await readFormChecked(event.request);
    if (!form)
      return fail(tooLarge ? 413 : 400, {
        action: spec.name,
        values: {},
        errors: { _form: t(tooLarge ? 'err_form_too_large' : 'err_bad_form') }
      });
    if ((spec.access ?? 'signed-in') === 'signed-in') signedIn(event);
    if (spec.allow && !spec.allow(event.locals.actor)) error(404, 'Not found');
    const outcome = await attempt(spec, event, form);
    if (!('result' in outcome)) return outcome;
    const { result } = outcome;
    if (spec.redirectTo === undefined) return spec.name ? { action: spec.name, ...result } : result;
    const to = typeof spec.redirectTo === 'function' ? spec.redirectTo(result, event) : spec.redirectTo;
    redirect(303, localizeHref(to));
  };
}
