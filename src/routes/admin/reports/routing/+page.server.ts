import { removeRoutingRule, routingAdminData, saveRoutingRule } from '$lib/server/reports/admin/rules.admin';
import { routingSchema } from '$lib/server/reports/admin/admin.schema';
import { adminForm, adminIdAction } from '$lib/server/reports/admin/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => routingAdminData(locals.db, locals.actor);

export const actions: Actions = {
  add: (event) =>
    adminForm(event, routingSchema, async (data) => {
      await saveRoutingRule(event.locals.db, event.locals.actor, data);
      return { saved: true };
    }),
  remove: (event) =>
    adminIdAction(event, 'rule_id', async (id) => {
      await removeRoutingRule(event.locals.db, event.locals.actor, id);
      return { deleted: true };
    })
};
