import { isAdministrator } from '$lib/server/access/access';
import { getAccount, resetPassword } from '$lib/server/accounts/accounts.service';
import { resetPasswordSchema } from '$lib/server/accounts/accounts.schema';
import { formAction } from '$lib/server/http';
import type { Actions } from './$types';

export const actions: Actions = {
  default: formAction({
    // The "not the username" rule needs the account being reset (another scope's → 404).
    schema: async ({ db, actor, event }) =>
      resetPasswordSchema((await getAccount(db, actor, event.params.id!)).username),
    allow: isAdministrator,
    run: async ({ db, actor, data, event }) => {
      await resetPassword(db, actor, event.params.id!, data.password);
      return { reset: true };
    }
  })
};
