import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { categoryAdminData, createCategory } from '$lib/server/reports/admin/category.admin';
import { categorySchema } from '$lib/server/reports/admin/admin.schema';
import { adminForm } from '$lib/server/reports/admin/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  groups: (await categoryAdminData(locals.db, locals.actor)).groups
});

export const actions: Actions = {
  default: async (event) => {
    const res = await adminForm(event, categorySchema, async (data) => {
      await createCategory(event.locals.db, event.locals.actor, data);
      return { done: true };
    });
    if ('done' in res) redirect(303, localizeHref('/admin/reports/categories?saved'));
    return res;
  }
};
