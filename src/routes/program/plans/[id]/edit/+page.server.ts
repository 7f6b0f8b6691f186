import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { planFormInput, targetsSchema } from '$lib/server/program/plans/plan.schema';
import { getPlan, planChoices, planTargetValues, updatePlanTargets } from '$lib/server/program/plans/plan.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const { plan, canManage } = await getPlan(locals.db, actor, params.id);
    if (!canManage) error(404, 'Not found');
    const { indicators } = await planChoices(locals.db, actor);
    return {
      plan: { id: plan.id, year: plan.year, organisation_name: plan.organisation_name },
      indicators,
      current: await planTargetValues(locals.db, plan.id)
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = formValues(await request.formData());
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    const parsed = validate(targetsSchema, planFormInput(values).targets);
    if (!parsed.ok) {
      const errors = Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [`targets.${k}`, v]));
      return fail(400, { values, errors });
    }
    try {
      await updatePlanTargets(locals.db, locals.actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/plans/${params.id}?saved=updated`));
  }
};
