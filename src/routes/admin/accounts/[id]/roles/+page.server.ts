import { z } from 'zod';
import { isAdministrator } from '$lib/server/access/access';
import { grantableOrganisations, grantRole, listAccountGrants, revokeRole } from '$lib/server/accounts/grants.service';
import { pendingCustodianRequests } from '$lib/server/accounts/custodian.service';
import { grantSchema } from '$lib/server/accounts/accounts.schema';
import { formAction } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  await parent();
  return {
    grants: await listAccountGrants(locals.db, locals.actor, params.id),
    organisations: await grantableOrganisations(locals.db, locals.actor),
    pending: await pendingCustodianRequests(locals.db, locals.actor, params.id)
  };
};

export const actions: Actions = {
  grant: formAction({
    schema: grantSchema,
    allow: isAdministrator,
    run: async ({ db, actor, data, event }) => {
      const outcome = await grantRole(db, actor, event.params.id!, data);
      return outcome.pending ? { requested: true } : { granted: true };
    }
  }),
  revoke: formAction({
    schema: z.object({ grant_id: z.string().default('') }),
    allow: isAdministrator,
    run: async ({ db, actor, data, event }) => {
      await revokeRole(db, actor, event.params.id!, data.grant_id);
      return { revoked: true };
    }
  })
};
