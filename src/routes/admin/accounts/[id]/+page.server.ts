import { fail } from '@sveltejs/kit';
import { updateAccount } from '$lib/server/accounts/accounts.service';
import { updateAccountSchema } from '$lib/server/accounts/accounts.schema';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ created: url.searchParams.has('created') });

export const actions: Actions = {
  default: async (event) => {
    guardAdmin(event);
    const values = formValues(await postedForm(event.request));
    const parsed = validate(updateAccountSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await updateAccount(event.locals.db, event.locals.actor, event.params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    return { saved: true };
  }
};
