import { isAdministrator } from '$lib/server/access/access';
import { guardRole, loadOr404 } from '$lib/server/http';
import { categoryAdminData } from '$lib/server/reports/admin/category.admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  return {
    ...(await loadOr404(() => categoryAdminData(event.locals.db, actor))),
    saved: event.url.searchParams.has('saved')
  };
};
