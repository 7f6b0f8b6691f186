import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { modelResultSchema } from '$lib/server/program/models/model.schema';
import { addModelResult } from '$lib/server/program/models/model.service';
import { modelDetails } from '$lib/server/program/models/model-list.service';
import { decimalInput } from '../form';
import type { Actions, PageServerLoad } from './$types';

const SAVED = ['created', 'updated', 'result'] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    return {
      ...(await modelDetails(locals.db, actor, params.id)),
      saved: SAVED.find((s) => s === url.searchParams.get('saved')) ?? null
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  result: async ({ request, locals, params }) => {
    const values = formValues(await request.formData()) as Record<string, string>;
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    const parsed = validate(modelResultSchema, { ...values, quantity: decimalInput(values.quantity) });
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await addModelResult(locals.db, locals.actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/models/${params.id}?saved=result#results`));
  }
};
