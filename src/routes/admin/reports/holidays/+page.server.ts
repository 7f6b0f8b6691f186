import { z } from 'zod';
import { isAdministrator } from '$lib/server/access/access';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import { holidayAdminData, removeHoliday, saveHoliday } from '$lib/server/reports/admin/holiday.admin';
import { holidaySchema } from '$lib/server/reports/admin/admin.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  return loadOr404(() => holidayAdminData(event.locals.db, actor, event.url.searchParams.get('year')));
};

export const actions: Actions = {
  add: formAction({
    schema: holidaySchema,
    allow: isAdministrator,
    run: async ({ db, actor, data }) => ({ saved: await saveHoliday(db, actor, data) })
  }),
  remove: formAction({
    schema: z.object({ date: z.string().default('') }),
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await removeHoliday(db, actor, data.date);
      return { deleted: true };
    }
  })
};
