import { z } from 'zod';
import { isAdministrator } from '$lib/server/access/access';
import { createToken, listTokens, revokeToken } from '$lib/server/accounts/tokens.service';
import { tokenSchema } from '$lib/server/accounts/accounts.schema';
import { formAction } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  await parent();
  return { tokens: await listTokens(locals.db, locals.actor, params.id) };
};

export const actions: Actions = {
  create: formAction({
    schema: tokenSchema,
    allow: isAdministrator,
    // The raw token goes back in this one response only; it is never stored or logged.
    run: async ({ db, actor, data, event }) => ({
      token: (await createToken(db, actor, event.params.id!, data.name)).token
    })
  }),
  revoke: formAction({
    schema: z.object({ token_id: z.string().default('') }),
    allow: isAdministrator,
    run: async ({ db, actor, data, event }) => {
      await revokeToken(db, actor, event.params.id!, data.token_id);
      return { revoked: true };
    }
  })
};
