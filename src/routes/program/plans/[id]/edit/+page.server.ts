import { error } from '@sveltejs/kit';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { planFormInput, planTargetsFormSchema } from '$lib/server/program/plans/plan.schema';
import { getPlan, planChoices, planTargetValues, updatePlanTargets } from '$lib/server/program/plans/plan.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { plan, canManage } = await loadOr404(() => getPlan(db, actor, event.params.id));
  if (!canManage) error(404, 'Not found');
  const { indicators } = await loadOr404(() => planChoices(db, actor));
  return {
    plan: { id: plan.id, year: plan.year, organisation_name: plan.organisation_name },
    indicators,
    current: await planTargetValues(db, plan.id)
  };
};

export const actions: Actions = {
  default: formAction({
    schema: planTargetsFormSchema,
    prepare: (values) => ({ targets: planFormInput(values).targets }),
    run: ({ db, actor, event, data }) => updatePlanTargets(db, actor, event.params.id!, data.targets),
    redirectTo: (_, e) => `/program/plans/${e.params.id}?saved=updated`
  })
};
