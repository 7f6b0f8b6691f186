import { fail } from '@sveltejs/kit';
import { grantableOrganisations, grantRole, listAccountGrants, revokeRole } from '$lib/server/accounts/grants.service';
import { pendingCustodianRequests } from '$lib/server/accounts/custodian.service';
import { grantSchema } from '$lib/server/accounts/accounts.schema';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues, validate } from '$lib/server/forms';
import { failFromError } from '$lib/server/http';
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
  grant: async (event) => {
    guardAdmin(event);
    const values = formValues(await event.request.formData());
    const parsed = validate(grantSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      const outcome = await grantRole(event.locals.db, event.locals.actor, event.params.id, parsed.data);
      return outcome.pending ? { requested: true } : { granted: true };
    } catch (e) {
      return failFromError(e, values);
    }
  },
  revoke: async (event) => {
    guardAdmin(event);
    const grantId = String((await event.request.formData()).get('grant_id') ?? '');
    try {
      await revokeRole(event.locals.db, event.locals.actor, event.params.id, grantId);
    } catch (e) {
      return failFromError(e, {});
    }
    return { revoked: true };
  }
};
