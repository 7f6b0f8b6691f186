import { can } from '$lib/server/access/access';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { listPlans } from '$lib/server/program/plans/plan.service';
import { MANAGE } from '$lib/server/program/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const year = Number(event.url.searchParams.get('year')) || undefined;
  const plans = await loadOr404(() => listPlans(event.locals.db, actor, { year }));
  return { year: year ?? null, plans, canManage: can(actor, MANAGE) };
};
