import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import {
  commitmentFormInput,
  commitmentFormSchema,
  submissionKey,
  uploadsOf
} from '$lib/server/program/activities/activity-form';
import { commitmentFormOptions, submitCommitment } from '$lib/server/program/commitments/commitment-page.service';
import { formatDate, todayVn } from '$lib/shared/format';
import { newSubmissionKey } from '../../activities/labels';
import { commitmentOptionsView } from '../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const o = await loadOr404(() => commitmentFormOptions(event.locals.db, requireSignIn(event)));
  const asked = event.url.searchParams.get('village');
  const village = o.villages.some((v) => v.id === asked) ? asked! : o.defaults.village_unit_id;
  return {
    options: commitmentOptionsView(o),
    defaults: {
      party: 'household',
      organisation_id: o.defaults.organisation_id,
      village_unit_id: village,
      signed_on: formatDate(todayVn()),
      submission_key: newSubmissionKey()
    }
  };
};

export const actions: Actions = {
  default: formAction({
    schema: commitmentFormSchema,
    prepare: commitmentFormInput,
    run: async ({ db, actor, data: { household_count, ...input }, form, values }) =>
      submitCommitment(db, actor, input, await uploadsOf(form, 'photo'), submissionKey(values), household_count),
    redirectTo: '/program/commitments?msg=c_created'
  })
};
