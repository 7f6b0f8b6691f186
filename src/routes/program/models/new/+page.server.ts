import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { modelSchema } from '$lib/server/program/models/model.schema';
import { createModel } from '$lib/server/program/models/model.service';
import { modelFormChoices } from '$lib/server/program/models/model-list.service';
import { submissionKey } from '$lib/server/program/submission';
import { newSubmissionKey } from '../../activities/labels';
import type { Actions, PageServerLoad } from './$types';

/** `?from=<id>` starts a replication of that model. */
export const load: PageServerLoad = async (event) => {
  const choices = await loadOr404(() => modelFormChoices(event.locals.db, requireSignIn(event)));
  const from = event.url.searchParams.get('from') ?? '';
  const defaults = {
    status: 'active',
    replicated_from_id: choices.origins.some((o) => o.id === from) ? from : '',
    submission_key: newSubmissionKey()
  };
  return { choices, defaults };
};

export const actions: Actions = {
  default: formAction({
    schema: modelSchema,
    run: ({ db, actor, data, values }) => createModel(db, actor, data, submissionKey(values)),
    redirectTo: (id) => `/program/models/${id}?saved=created`
  })
};
