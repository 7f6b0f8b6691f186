import { z } from 'zod';
import { getMyAccount, signOutEverywhere } from '$lib/server/auth/account.service';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { formAction, requireSignIn } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  return { me: await getMyAccount(event.locals.db, actor), changed: event.url.searchParams.has('changed') };
};

export const actions: Actions = {
  signOutEverywhere: formAction({
    schema: z.object({}),
    run: async ({ db, actor, event }) => {
      await signOutEverywhere(db, actor);
      event.cookies.delete(SESSION_COOKIE, { path: '/' });
    },
    redirectTo: '/login'
  })
};
