/**
 * Shared plumbing for the JSON API under /api/v1: one error shape
 * `{ error: { code, message, fields? } }` with the status from errors.ts, never a stack trace;
 * sign-in checks; body parsing with the same zod schemas as the HTML forms.
 */
import { isHttpError, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError, ERROR_STATUS, isAppError, type ErrorCode } from '$lib/server/errors';
import { validate } from '$lib/server/forms';
import { t } from '$lib/server/i18n';
import { log } from '$lib/server/log';
import { isDatabaseUnavailable } from '$lib/server/db/dialect';
import { RETRY_AFTER_SECONDS } from '$lib/server/http/db-outage';
import type { Actor } from '$lib/server/access/actor';

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

const DEFAULT_KEY: Record<ErrorCode, string> = {
  VALIDATION: 'api_err_validation',
  BAD_REQUEST: 'api_err_bad_request',
  UNAUTHENTICATED: 'api_err_unauthenticated',
  FORBIDDEN: 'api_err_forbidden',
  NOT_FOUND: 'api_err_not_found',
  CONFLICT: 'api_err_conflict',
  RATE_LIMITED: 'api_err_rate_limited',
  INTERNAL: 'api_err_internal',
  UNAVAILABLE: 'sec_outage_body'
};

/** A catalogue message for the error, falling back to the code's generic message. */
function messageOf(e: AppError): string {
  const text = t(e.message);
  return text !== e.message ? text : t(DEFAULT_KEY[e.code]);
}

const codeForStatus = (status: number): ErrorCode =>
  (Object.entries(ERROR_STATUS).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ??
  (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');

/** Any thrown value → the JSON error response. Unknown errors are logged and answered as INTERNAL. */
export function errorResponse(e: unknown): Response {
  let err: AppError;
  if (isAppError(e)) err = e;
  else if (isHttpError(e)) err = new AppError(codeForStatus(e.status));
  // An outage, not a fault: no stack trace, and the client is told to come back.
  else if (isDatabaseUnavailable(e)) {
    log.warn({ err: (e as Error).message }, 'database unavailable');
    err = new AppError('UNAVAILABLE');
  } else {
    log.error({ err: e }, 'api error');
    err = new AppError('INTERNAL');
  }
  const body: ApiErrorBody = { error: { code: err.code, message: messageOf(err) } };
  const fields = err.details?.fields as Record<string, string> | undefined;
  const params = err.details?.params as Record<string, Record<string, unknown>> | undefined;
  // Services send catalogue keys (translated here); already-translated text passes through.
  if (fields) body.error.fields = Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, t(v, params?.[f])]));
  else if (err.details?.field) body.error.fields = { [String(err.details.field)]: messageOf(err) };
  const headers: Record<string, string> =
    err.code === 'UNAVAILABLE' ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
  return json(body, { status: ERROR_STATUS[err.code], headers });
}

/** Wraps an endpoint so that every failure becomes the JSON error shape. */
export function endpoint<E extends RequestEvent>(fn: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
  return async (event) => {
    try {
      return await fn(event);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** The API has no anonymous endpoints except the public ones that do not call this. */
export function signedIn(actor: Actor): Actor {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Validates with the form schema; failures become VALIDATION with localised field messages. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = validate(schema, input);
  if (!parsed.ok) throw new AppError('VALIDATION', 'api_err_validation', { fields: parsed.errors });
  return parsed.data;
}

/** The request body as a JSON object, or BAD_REQUEST. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
    throw new AppError('BAD_REQUEST', 'api_err_content_type');
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('BAD_REQUEST', 'api_err_bad_json');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('BAD_REQUEST', 'api_err_bad_json');
  return body as Record<string, unknown>;
}

/** Query string → plain object (last value wins), for the query schemas. */
export const queryObject = (url: URL): Record<string, string> => Object.fromEntries(url.searchParams.entries());
