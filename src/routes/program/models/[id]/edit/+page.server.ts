import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { modelSchema } from '$lib/server/program/models/model.schema';
import { getWritableModel, modelFormChoices } from '$lib/server/program/models/model-list.service';
import { updateModel } from '$lib/server/program/models/model.service';
import { modelValues } from '../../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const model = await getWritableModel(locals.db, actor, params.id);
    return { id: model.id, current: modelValues(model), choices: await modelFormChoices(locals.db, actor, model.id) };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = formValues(await request.formData()) as Record<string, string>;
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    const parsed = validate(modelSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await updateModel(locals.db, locals.actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/models/${params.id}?saved=updated`));
  }
};
