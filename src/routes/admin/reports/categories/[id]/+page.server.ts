import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { rethrowAsHttp } from '$lib/server/http';
import { categoryAdminData, getCategoryForEdit, updateCategory } from '$lib/server/reports/admin/category.admin';
import { categorySchema } from '$lib/server/reports/admin/admin.schema';
import { iconFor } from '$lib/shared/reports/icons';
import { adminForm } from '$lib/server/reports/admin/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    const c = await getCategoryForEdit(locals.db, locals.actor, params.id);
    const { groups } = await categoryAdminData(locals.db, locals.actor);
    const stored = {
      code: c.code,
      group_id: c.group_id,
      name_vi: c.name_vi,
      name_en: c.name_en,
      legal_basis: c.legal_basis ?? '',
      icon: iconFor(c.icon, groups.find((g) => g.id === c.group_id)?.code ?? 'khac'),
      urgent: c.urgent ? 'on' : '',
      active: c.active ? 'on' : '',
      sort_order: String(c.sort_order)
    };
    return { groups, stored, name: c.name_vi };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const res = await adminForm(event, categorySchema, async (data) => {
      await updateCategory(event.locals.db, event.locals.actor, event.params.id, data);
      return { done: true };
    });
    if ('done' in res) redirect(303, localizeHref('/admin/reports/categories?saved'));
    return res;
  }
};
