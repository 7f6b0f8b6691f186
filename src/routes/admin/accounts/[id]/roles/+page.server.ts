import { fail } from '@sveltejs/kit';
import { grantableOrganisations, grantRole, listAccountGrants, revokeRole } from '$lib/server/accounts/grants.service';
import { grantSchema } from '$lib/server/accounts/accounts.schema';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  await parent();
  return {
    grants: await listAccountGrants(locals.db, locals.actor, params.id),
    organisations: await grantableOrganisations(locals.db, locals.actor)
  };
};

export const actions: Actions = {
  grant: async (event) => {
    guardAdmin(event);
    const values = formValues(await postedForm(event.request));
    const parsed = validate(grantSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await grantRole(event.locals.db, event.locals.actor, event.params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    return { granted: true };
  },
  revoke: async (event) => {
    guardAdmin(event);
    const grantId = String((await postedForm(event.request)).get('grant_id') ?? '');
    try {
      await revokeRole(event.locals.db, event.locals.actor, event.params.id, grantId);
    } catch (e) {
      return failFromError(e, {});
    }
    return { revoked: true };
  }
};
