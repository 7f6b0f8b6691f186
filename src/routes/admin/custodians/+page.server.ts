import { z } from 'zod';
import { isAdministrator } from '$lib/server/access/access';
import { decideCustodianRequest, pendingCustodianRequests } from '$lib/server/accounts/custodian.service';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

const requestSchema = z.object({ request_id: z.string().max(64).default('') });

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  return { requests: await loadOr404(() => pendingCustodianRequests(event.locals.db, actor)) };
};

export const actions: Actions = {
  approve: formAction({
    schema: requestSchema,
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await decideCustodianRequest(db, actor, data.request_id, 'approved');
      return { approved: true };
    }
  }),
  refuse: formAction({
    schema: requestSchema,
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await decideCustodianRequest(db, actor, data.request_id, 'refused');
      return { refused: true };
    }
  })
};
