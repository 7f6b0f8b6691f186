import {
  deadlineAdminData,
  previewDeadline,
  removeDeadlineRule,
  saveDeadlineRule
} from '$lib/server/reports/admin/rules.admin';
import { deadlineSchema, previewSchema } from '$lib/server/reports/admin/admin.schema';
import { adminForm, adminIdAction } from '$lib/server/reports/admin/route';
import { validate } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The preview is a GET form (p_* names keep its field ids apart from the add form's). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const data = await deadlineAdminData(locals.db, locals.actor);
  const q = url.searchParams;
  const asked = {
    start: q.get('p_start') ?? '',
    channel: q.get('p_channel') ?? 'phan_anh',
    stage: q.get('p_stage') ?? 'verify',
    category_id: q.get('p_category_id') ?? ''
  };
  if (!q.has('p_start')) return { ...data, preview: null, asked };
  const parsed = validate(previewSchema, asked);
  if (!parsed.ok)
    return {
      ...data,
      asked,
      preview: {
        dueOn: null,
        days: 0,
        dayKind: 'working' as const,
        errors: Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [`p_${k}`, v]))
      }
    };
  const d = await previewDeadline(locals.db, locals.actor, parsed.data);
  return { ...data, asked, preview: { dueOn: d.dueOn, days: d.rule.days, dayKind: d.rule.dayKind, errors: null } };
};

export const actions: Actions = {
  add: (event) =>
    adminForm(event, deadlineSchema, async (data) => {
      await saveDeadlineRule(event.locals.db, event.locals.actor, data);
      return { saved: true };
    }),
  remove: (event) =>
    adminIdAction(event, 'rule_id', async (id) => {
      await removeDeadlineRule(event.locals.db, event.locals.actor, id);
      return { deleted: true };
    })
};
