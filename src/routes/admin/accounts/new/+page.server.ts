import { isAdministrator } from '$lib/server/access/access';
import { createAccount } from '$lib/server/accounts/accounts.service';
import { createAccountSchema } from '$lib/server/accounts/accounts.schema';
import { formAction } from '$lib/server/http';
import type { Actions } from './$types';

export const actions: Actions = {
  default: formAction({
    schema: createAccountSchema,
    allow: isAdministrator,
    run: ({ db, actor, data }) => createAccount(db, actor, data),
    redirectTo: (id) => `/admin/accounts/${id}?created=1`
  })
};
