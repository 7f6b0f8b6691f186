import { loadDashboard } from '$lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '$lib/server/program/dashboard/dashboard.query';
import { orHttp, requireSignIn } from '$lib/server/people/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url);
  const { query, invalid } = parseDashboardQuery(url.searchParams);
  return { ...(await orHttp(() => loadDashboard(locals.db, locals.actor, query))), invalid };
};
