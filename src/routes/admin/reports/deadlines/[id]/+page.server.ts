import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { notFound } from '$lib/server/errors';
import { rethrowAsHttp } from '$lib/server/http';
import { deadlineAdminData, saveDeadlineRule } from '$lib/server/reports/admin/rules.admin';
import { deadlineSchema } from '$lib/server/reports/admin/admin.schema';
import { adminForm } from '$lib/server/reports/admin/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    const { rules, categories } = await deadlineAdminData(locals.db, locals.actor);
    const r = rules.find((x) => x.id === params.id);
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
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const res = await adminForm(event, deadlineSchema, async (data) => {
      await saveDeadlineRule(event.locals.db, event.locals.actor, data, event.params.id);
      return { done: true };
    });
    if ('done' in res) redirect(303, localizeHref('/admin/reports/deadlines'));
    return res;
  }
};
