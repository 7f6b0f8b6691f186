/**
 * The older in-page answer to an expired session (401 with the typed values). Routes move to
 * formAction, which keeps a draft and sends the user to sign in; remove this when none is left.
 */
import { fail } from '@sveltejs/kit';
import { t } from '$lib/server/i18n';

export function expiredFailure(values: Record<string, unknown>) {
  return fail(401, { values, errors: { _form: t('session_expired') }, sessionExpired: true });
}

export function sessionExpired(locals: App.Locals, values: Record<string, unknown>) {
  if (locals.actor.kind !== 'anonymous') return null;
  return expiredFailure(values);
}
