import { isAdministrator } from '$lib/server/access/access';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import { categoryAdminData, getCategoryForEdit, updateCategory } from '$lib/server/reports/admin/category.admin';
import { categorySchema } from '$lib/server/reports/admin/admin.schema';
import { iconFor } from '$lib/shared/reports/icons';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  const { db } = event.locals;
  const [c, { groups }] = await loadOr404(() =>
    Promise.all([getCategoryForEdit(db, actor, event.params.id), categoryAdminData(db, actor)])
  );
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
};

export const actions: Actions = {
  default: formAction({
    schema: categorySchema,
    allow: isAdministrator,
    run: ({ db, actor, event, data }) => updateCategory(db, actor, event.params.id!, data),
    redirectTo: '/admin/reports/categories?saved'
  })
};
