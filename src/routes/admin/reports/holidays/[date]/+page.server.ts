import { isAdministrator } from '$lib/server/access/access';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import { formatDate } from '$lib/shared/format';
import { getHoliday, saveHoliday } from '$lib/server/reports/admin/holiday.admin';
import { holidaySchema } from '$lib/server/reports/admin/admin.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  const h = await loadOr404(() => getHoliday(event.locals.db, actor, event.params.date));
  return { date: h.date, stored: { calendar: 'solar', date: formatDate(h.date), kind: h.kind, name: h.name } };
};

export const actions: Actions = {
  default: formAction({
    schema: holidaySchema,
    allow: isAdministrator,
    run: ({ db, actor, event, data }) => saveHoliday(db, actor, data, event.params.date),
    redirectTo: (date) => `/admin/reports/holidays?year=${date.slice(0, 4)}`
  })
};
