import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import {
  activityFormInput,
  activityFormSchema,
  submissionKey,
  uploadsOf
} from '$lib/server/program/activities/activity-form';
import { activityFormOptions, submitActivity } from '$lib/server/program/activities/activity-page.service';
import { formatDate } from '$lib/shared/format';
import { newSubmissionKey } from '../labels';
import { formOptionsView } from '../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const o = await loadOr404(() => activityFormOptions(event.locals.db, requireSignIn(event)));
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
  default: formAction({
    schema: activityFormSchema,
    prepare: activityFormInput,
    run: async ({ db, actor, data, form, values }) =>
      submitActivity(db, actor, data, await uploadsOf(form, 'photos'), submissionKey(values)),
    redirectTo: ({ id }) => `/program/activities/${id}?msg=created`
  })
};
