import { redirect } from '@sveltejs/kit';
import { invalidateSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.account) await invalidateSession(locals.db, locals.account.sessionId);
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, localizeHref('/login'));
  }
};
