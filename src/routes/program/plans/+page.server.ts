import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { can } from '$lib/server/access/access';
import { listPlans } from '$lib/server/program/plans/plan.service';
import { MANAGE } from '$lib/server/program/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  const year = Number(url.searchParams.get('year')) || undefined;
  try {
    return { year: year ?? null, plans: await listPlans(locals.db, actor, { year }), canManage: can(actor, MANAGE) };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
