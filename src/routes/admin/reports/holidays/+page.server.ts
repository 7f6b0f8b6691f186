import { holidayAdminData, removeHoliday, saveHoliday } from '$lib/server/reports/admin/holiday.admin';
import { holidaySchema } from '$lib/server/reports/admin/admin.schema';
import { adminForm, adminIdAction } from '$lib/server/reports/admin/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) =>
  holidayAdminData(locals.db, locals.actor, url.searchParams.get('year'));

export const actions: Actions = {
  add: (event) =>
    adminForm(event, holidaySchema, async (data) => ({
      saved: await saveHoliday(event.locals.db, event.locals.actor, data)
    })),
  remove: (event) =>
    adminIdAction(event, 'date', async (date) => {
      await removeHoliday(event.locals.db, event.locals.actor, date);
      return { deleted: true };
    })
};
