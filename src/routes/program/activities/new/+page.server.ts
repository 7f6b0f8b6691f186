import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError, sessionExpired } from '$lib/server/http';
import { orHttp } from '$lib/server/people/route';
import { readActivityForm } from '$lib/server/program/activities/activity-form';
import { activityFormOptions, submitActivity } from '$lib/server/program/activities/activity-page.service';
import { formatDate } from '$lib/shared/format';
import { newSubmissionKey } from '../labels';
import { formOptionsView } from '../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const o = await orHttp(() => activityFormOptions(locals.db, locals.actor));
  return {
    options: formOptionsView(o),
    defaults: {
      kind: 'outreach',
      outreach_mode: 'village_meeting',
      organisation_id: o.defaults.organisation_id,
      admin_unit_id: o.defaults.admin_unit_id,
      started_on: formatDate(o.defaults.started_on),
      ntm_criterion: 'auto',
      submission_key: newSubmissionKey()
    }
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const f = await readActivityForm(await request.formData());
    const expired = sessionExpired(locals, f.values);
    if (expired) return expired;
    if (!f.parsed.ok) return fail(400, { values: f.values, errors: f.parsed.errors });
    let id: string;
    try {
      ({ id } = await submitActivity(locals.db, locals.actor, f.parsed.data, f.uploads, f.key));
    } catch (e) {
      return failFromError(e, f.values);
    }
    redirect(303, localizeHref(`/program/activities/${id}?msg=created`));
  }
};
