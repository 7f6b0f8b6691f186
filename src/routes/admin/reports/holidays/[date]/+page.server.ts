import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { rethrowAsHttp } from '$lib/server/http';
import { formatDate } from '$lib/shared/format';
import { getHoliday, saveHoliday } from '$lib/server/reports/admin/holiday.admin';
import { holidaySchema } from '$lib/server/reports/admin/admin.schema';
import { adminForm } from '$lib/server/reports/admin/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    const h = await getHoliday(locals.db, locals.actor, params.date);
    return { date: h.date, stored: { calendar: 'solar', date: formatDate(h.date), kind: h.kind, name: h.name } };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const res = await adminForm(event, holidaySchema, async (data) => ({
      date: await saveHoliday(event.locals.db, event.locals.actor, data, event.params.date)
    }));
    if ('date' in res) redirect(303, localizeHref(`/admin/reports/holidays?year=${String(res.date).slice(0, 4)}`));
    return res;
  }
};
