import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { planFormInput, planSchema } from '$lib/server/program/plans/plan.schema';
import { createPlan, planChoices } from '$lib/server/program/plans/plan.service';
import { todayVn } from '$lib/shared/format';
import { submissionKey } from '$lib/server/program/submission';
import { newSubmissionKey } from '../../activities/labels';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const choices = await loadOr404(() => planChoices(event.locals.db, requireSignIn(event)));
  const program = event.url.searchParams.get('program') ?? '';
  const defaults = {
    program_id: choices.programs.some((p) => p.id === program) ? program : '',
    year: todayVn().slice(0, 4),
    organisation_id: choices.orgs[0]?.id ?? '',
    submission_key: newSubmissionKey()
  };
  return { ...choices, defaults };
};

export const actions: Actions = {
  default: formAction({
    schema: planSchema,
    prepare: planFormInput,
    run: ({ db, actor, data, values }) => createPlan(db, actor, data, submissionKey(values)),
    redirectTo: (id) => `/program/plans/${id}?saved=created`
  })
};
