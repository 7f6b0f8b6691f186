import { z } from 'zod';
import { isAdministrator } from '$lib/server/access/access';
import { validate } from '$lib/server/forms';
import { formAction, guardRole, loadOr404 } from '$lib/server/http';
import {
  deadlineAdminData,
  previewDeadline,
  removeDeadlineRule,
  saveDeadlineRule
} from '$lib/server/reports/admin/rules.admin';
import { deadlineSchema, previewSchema } from '$lib/server/reports/admin/admin.schema';
import type { Actions, PageServerLoad } from './$types';

/** The preview is a GET form (p_* names keep its field ids apart from the add form's). */
export const load: PageServerLoad = async (event) => {
  const actor = guardRole(event, isAdministrator);
  const { db } = event.locals;
  const data = await loadOr404(() => deadlineAdminData(db, actor));
  const q = event.url.searchParams;
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
  const d = await loadOr404(() => previewDeadline(db, actor, parsed.data));
  return { ...data, asked, preview: { dueOn: d.dueOn, days: d.rule.days, dayKind: d.rule.dayKind, errors: null } };
};

export const actions: Actions = {
  add: formAction({
    schema: deadlineSchema,
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await saveDeadlineRule(db, actor, data);
      return { saved: true };
    }
  }),
  remove: formAction({
    schema: z.object({ rule_id: z.string().default('') }),
    allow: isAdministrator,
    run: async ({ db, actor, data }) => {
      await removeDeadlineRule(db, actor, data.rule_id);
      return { deleted: true };
    }
  })
};
