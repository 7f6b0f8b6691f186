import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { modelSchema } from '$lib/server/program/models/model.schema';
import { getWritableModel, modelFormChoices } from '$lib/server/program/models/model-list.service';
import { updateModel } from '$lib/server/program/models/model.service';
import { modelValues } from '../../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  return loadOr404(async () => {
    const model = await getWritableModel(db, actor, event.params.id);
    return { id: model.id, current: modelValues(model), choices: await modelFormChoices(db, actor, model.id) };
  });
};

export const actions: Actions = {
  default: formAction({
    schema: modelSchema,
    run: ({ db, actor, event, data }) => updateModel(db, actor, event.params.id!, data),
    redirectTo: (_, e) => `/program/models/${e.params.id}?saved=updated`
  })
};
