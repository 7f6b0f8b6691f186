/** Small helpers for routes: turning AppErrors into form failures or HTTP errors. */
import { error, fail } from '@sveltejs/kit';
import { isAppError } from './errors';
import { t } from './i18n';

/** Form actions: AppError → fail(status, { values, errors: { _form } }); anything else rethrows. */
export function failFromError(e: unknown, values: Record<string, unknown>) {
  if (!isAppError(e)) throw e;
  if (e.code === 'NOT_FOUND') error(404, 'Not found');
  const errors = e.details?.field ? { [String(e.details.field)]: t(e.message) } : { _form: t(e.message) };
  return fail(e.status, { values, errors });
}

/** Load functions: AppError → SvelteKit error with the right status. */
export function rethrowAsHttp(e: unknown): never {
  if (isAppError(e)) error(e.status, { message: e.code, code: e.code });
  throw e;
}

/**
 * The session expired while a form was open (the browser still sent the old cookie): answer
 * 401 with the typed values and a message instead of redirecting, so nothing typed is lost.
 */
export function expiredFailure(values: Record<string, unknown>) {
  return fail(401, { values, errors: { _form: t('session_expired') }, sessionExpired: true });
}

/** For actions that need a signed-in user: null when signed in, else the soft 401 failure. */
export function sessionExpired(locals: App.Locals, values: Record<string, unknown>) {
  if (locals.actor.kind !== 'anonymous') return null;
  return expiredFailure(values);
}
