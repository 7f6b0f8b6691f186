import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { manualValueSchema } from '$lib/server/program/indicators/manual-value.schema';
import {
  deleteManualValue,
  listManualValues,
  manualValueChoices,
  saveManualValue
} from '$lib/server/program/indicators/manual-value.service';
import type { Actions, PageServerLoad } from './$types';

/** Choose the organisation (a GET form, so it works without JavaScript), then enter figures. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const choices = await manualValueChoices(locals.db, actor, url.searchParams.get('org'));
    const values = choices.organisationId
      ? await listManualValues(locals.db, actor, { organisationId: choices.organisationId })
      : [];
    const done = url.searchParams.get('done');
    return { ...choices, values, done: done === 'saved' || done === 'deleted' ? done : null };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  save: async ({ request, locals }) => {
    const values = formValues(await request.formData()) as Record<string, string>;
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    const parsed = validate(manualValueSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await saveManualValue(locals.db, locals.actor, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/indicators?org=${parsed.data.organisation_id}&done=saved`));
  },
  delete: async ({ request, locals }) => {
    const values = formValues(await request.formData()) as Record<string, string>;
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    try {
      await deleteManualValue(locals.db, locals.actor, values.id ?? '');
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/indicators?org=${values.org ?? ''}&done=deleted`));
  }
};
