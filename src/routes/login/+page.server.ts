import { fail, redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/signin.service';
import { signInSchema } from '$lib/server/auth/auth.schema';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, safeNext, postedForm } from '$lib/server/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.account) redirect(303, localizeHref('/'));
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await postedForm(request);
    const values = formValues(form);
    const parsed = validate(signInSchema, values);
    // Never echo the password back into the form.
    const kept = { login: values.login };
    if (!parsed.ok) return fail(400, { values: kept, errors: parsed.errors });
    try {
      const { token, expiresAt, account } = await signIn(locals.db, parsed.data.login, parsed.data.password);
      cookies.set(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        expires: expiresAt,
        secure: url.protocol === 'https:'
      });
      redirect(
        303,
        account.must_change_password
          ? localizeHref('/account/password')
          : localizeHref(safeNext(url.searchParams.get('next')))
      );
    } catch (e) {
      return failFromError(e, kept);
    }
  }
};
