import { fail } from '@sveltejs/kit';
import { createToken, listTokens, revokeToken } from '$lib/server/accounts/tokens.service';
import { tokenSchema } from '$lib/server/accounts/accounts.schema';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  await parent();
  return { tokens: await listTokens(locals.db, locals.actor, params.id) };
};

export const actions: Actions = {
  create: async (event) => {
    guardAdmin(event);
    const values = formValues(await postedForm(event.request));
    const parsed = validate(tokenSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      // The raw token goes back in this one response only; it is never stored or logged.
      const { token } = await createToken(event.locals.db, event.locals.actor, event.params.id, parsed.data.name);
      return { token };
    } catch (e) {
      return failFromError(e, values);
    }
  },
  revoke: async (event) => {
    guardAdmin(event);
    const tokenId = String((await postedForm(event.request)).get('token_id') ?? '');
    try {
      await revokeToken(event.locals.db, event.locals.actor, event.params.id, tokenId);
    } catch (e) {
      return failFromError(e, {});
    }
    return { revoked: true };
  }
};
