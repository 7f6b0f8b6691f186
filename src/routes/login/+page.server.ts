import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/signin.service';
import { signInSchema } from '$lib/server/auth/auth.schema';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { requestClientTag } from '$lib/server/auth/client-tag';
import { formAction, safeNext } from '$lib/server/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The form posts as plain HTML (formAction answers with the errors or the redirect), so the page
// ships no script: with `use:enhance` the framework alone made it ~46 KB cold instead of ~5 KB.
export const csr = false;

export const load: PageServerLoad = ({ locals }) => {
  if (locals.account) redirect(303, localizeHref('/'));
};

export const actions: Actions = {
  // formAction never echoes the password back into the form.
  default: formAction({
    schema: signInSchema,
    access: 'public',
    run: async ({ db, data, event }) => {
      const { cookies, url } = event;
      const { token, expiresAt, account } = await signIn(db, data.login, data.password, requestClientTag(event));
      cookies.set(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        expires: expiresAt,
        secure: url.protocol === 'https:'
      });
      return account.must_change_password;
    },
    redirectTo: (mustChange, { url }) => (mustChange ? '/account/password' : safeNext(url.searchParams.get('next')))
  })
};
