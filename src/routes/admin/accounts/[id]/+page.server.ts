import { isAdministrator } from '$lib/server/access/access';
import { updateAccount } from '$lib/server/accounts/accounts.service';
import { updateAccountSchema } from '$lib/server/accounts/accounts.schema';
import { formAction } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ created: url.searchParams.has('created') });

export const actions: Actions = {
  default: formAction({
    schema: updateAccountSchema,
    allow: isAdministrator,
    run: async ({ db, actor, data, event }) => {
      await updateAccount(db, actor, event.params.id!, data);
      return { saved: true };
    }
  })
};
