import { isAdministrator } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import { deadlineAdminData, saveDeadlineRule } from '$lib/server/reports/admin/rules.admin';
import { deadlineSchema } from '$lib/server/reports/admin/admin.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  return loadOr404(async () => {
    const { rules, categories } = await deadlineAdminData(event.locals.db, actor);
    const r = rules.find((x) => x.id === event.params.id);
    if (!r) throw notFound();
    const stored = {
      stage: r.stage,
      channel: r.channel,
      category_id: r.category_id ?? '',
      day_kind: r.day_kind,
      days: String(r.days),
      extension_days: String(r.extension_days),
      max_extensions: String(r.max_extensions)
    };
    return { categories, stored };
  });
};

export const actions: Actions = {
  default: formAction({
    schema: deadlineSchema,
    allow: isAdministrator,
    run: ({ db, actor, event, data }) => saveDeadlineRule(db, actor, data, event.params.id),
    redirectTo: '/admin/reports/deadlines'
  })
};
