import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { invalidateSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { formAction } from '$lib/server/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
  // Public: signing out with a session that already ended still lands on the sign-in page.
  default: formAction({
    schema: z.object({}),
    access: 'public',
    run: async ({ db, event: { locals, cookies } }) => {
      if (locals.account) await invalidateSession(db, locals.account.sessionId);
      cookies.delete(SESSION_COOKIE, { path: '/' });
    },
    redirectTo: '/login'
  })
};
