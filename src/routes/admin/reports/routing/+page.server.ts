import { z } from 'zod';
import { isAdministrator } from '$lib/server/access/access';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import { removeRoutingRule, routingAdminData, saveRoutingRule } from '$lib/server/reports/admin/rules.admin';
import { routingSchema } from '$lib/server/reports/admin/admin.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  return loadOr404(() => routingAdminData(event.locals.db, actor));
};

export const actions: Actions = {
  add: formAction({
    schema: routingSchema,
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await saveRoutingRule(db, actor, data);
      return { saved: true };
    }
  }),
  remove: formAction({
    schema: z.object({ rule_id: z.string().default('') }),
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await removeRoutingRule(db, actor, data.rule_id);
      return { deleted: true };
    }
  })
};
