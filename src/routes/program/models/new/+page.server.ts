import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { modelSchema } from '$lib/server/program/models/model.schema';
import { createModel } from '$lib/server/program/models/model.service';
import { modelFormChoices } from '$lib/server/program/models/model-list.service';
import type { Actions, PageServerLoad } from './$types';

/** `?from=<id>` starts a replication of that model. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const choices = await modelFormChoices(locals.db, actor);
    const from = url.searchParams.get('from') ?? '';
    const defaults = { status: 'active', replicated_from_id: choices.origins.some((o) => o.id === from) ? from : '' };
    return { choices, defaults };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = formValues(await request.formData()) as Record<string, string>;
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    const parsed = validate(modelSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    let id: string;
    try {
      id = await createModel(locals.db, locals.actor, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/models/${id}?saved=created`));
  }
};
