import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { planFormInput, planSchema } from '$lib/server/program/plans/plan.schema';
import { createPlan, planChoices } from '$lib/server/program/plans/plan.service';
import { todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const choices = await planChoices(locals.db, actor);
    const program = url.searchParams.get('program') ?? '';
    const defaults = {
      program_id: choices.programs.some((p) => p.id === program) ? program : '',
      year: todayVn().slice(0, 4),
      organisation_id: choices.orgs[0]?.id ?? ''
    };
    return { ...choices, defaults };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = formValues(await request.formData());
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    const parsed = validate(planSchema, planFormInput(values));
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    let id: string;
    try {
      id = await createPlan(locals.db, locals.actor, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/plans/${id}?saved=created`));
  }
};
