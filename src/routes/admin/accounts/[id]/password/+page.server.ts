import { fail } from '@sveltejs/kit';
import { getAccount, resetPassword } from '$lib/server/accounts/accounts.service';
import { resetPasswordSchema } from '$lib/server/accounts/accounts.schema';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    guardAdmin(event);
    const { db, actor } = event.locals;
    try {
      const target = await getAccount(db, actor, event.params.id);
      const parsed = validate(resetPasswordSchema(target.username), formValues(await postedForm(event.request)));
      if (!parsed.ok) return fail(400, { values: {}, errors: parsed.errors });
      await resetPassword(db, actor, target.id, parsed.data.password);
    } catch (e) {
      return failFromError(e, {});
    }
    return { reset: true };
  }
};
