import { isAdministrator } from '$lib/server/access/access';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import { categoryAdminData, createCategory } from '$lib/server/reports/admin/category.admin';
import { categorySchema } from '$lib/server/reports/admin/admin.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  return { groups: (await loadOr404(() => categoryAdminData(event.locals.db, actor))).groups };
};

export const actions: Actions = {
  default: formAction({
    schema: categorySchema,
    allow: isAdministrator,
    run: ({ db, actor, data }) => createCategory(db, actor, data),
    redirectTo: '/admin/reports/categories?saved'
  })
};
