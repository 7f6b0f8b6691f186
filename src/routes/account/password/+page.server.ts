import { fail, redirect } from '@sveltejs/kit';
import { changeOwnPassword } from '$lib/server/auth/account.service';
import { passwordChangeSchema } from '$lib/server/auth/auth.schema';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const toLogin = () => redirect(303, localizeHref('/login?next=%2Faccount%2Fpassword'));

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.account) toLogin();
  return { mustChange: locals.account!.mustChangePassword };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    if (!locals.account) toLogin();
    const account = locals.account!;
    const parsed = validate(passwordChangeSchema(account.username), formValues(await postedForm(request)));
    // Passwords are never echoed back into the page.
    if (!parsed.ok) return fail(400, { values: {}, errors: parsed.errors });
    try {
      await changeOwnPassword(locals.db, locals.actor, account.sessionId, parsed.data);
    } catch (e) {
      return failFromError(e, {});
    }
    redirect(303, localizeHref('/account?changed=1'));
  }
};
