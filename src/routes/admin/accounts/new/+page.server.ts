import { fail, redirect } from '@sveltejs/kit';
import { createAccount } from '$lib/server/accounts/accounts.service';
import { createAccountSchema } from '$lib/server/accounts/accounts.schema';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    guardAdmin(event);
    const values = formValues(await postedForm(event.request));
    // Keep what was typed, except the password.
    const kept = { username: values.username, display_name: values.display_name, phone: values.phone };
    const parsed = validate(createAccountSchema, values);
    if (!parsed.ok) return fail(400, { values: kept, errors: parsed.errors });
    let id: string;
    try {
      id = await createAccount(event.locals.db, event.locals.actor, parsed.data);
    } catch (e) {
      return failFromError(e, kept);
    }
    redirect(303, localizeHref(`/admin/accounts/${id}?created=1`));
  }
};
