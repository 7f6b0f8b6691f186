import { z } from 'zod';
import { isAdministrator } from '$lib/server/access/access';
import { formAction, guardRole } from '$lib/server/http';
import { createKey, listKeys, revokeKey } from '$lib/server/open311/keys.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  return { keys: await listKeys(event.locals.db, actor) };
};

export const actions: Actions = {
  create: formAction({
    // The service trims, requires and bounds the name.
    schema: z.object({ name: z.string().default('') }),
    allow: isAdministrator,
    // The raw key goes back in this one response only; it is never stored or logged.
    run: async ({ db, actor, data }) => ({ key: (await createKey(db, actor, data.name)).key })
  }),
  revoke: formAction({
    schema: z.object({ key_id: z.string().default('') }),
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await revokeKey(db, actor, data.key_id);
      return { revoked: true };
    }
  })
};
