import { redirect, type RequestEvent } from '@sveltejs/kit';
import { changeOwnPassword } from '$lib/server/auth/account.service';
import { passwordChangeSchema } from '$lib/server/auth/auth.schema';
import { formAction, loginHref } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** A password is changed from a browser session (an API token has none to keep signed in). */
function session(event: Pick<RequestEvent, 'locals' | 'url'>) {
  if (!event.locals.account) redirect(303, loginHref(event.url));
  return event.locals.account;
}

export const load: PageServerLoad = (event) => ({ mustChange: session(event).mustChangePassword });

export const actions: Actions = {
  // Passwords are never echoed back into the page (formAction drops them from the values).
  default: formAction({
    schema: ({ event }) => passwordChangeSchema(session(event).username),
    run: ({ db, actor, data, event }) => changeOwnPassword(db, actor, session(event).sessionId, data),
    redirectTo: '/account?changed=1'
  })
};
