import { loadOr404, requireSignIn } from '$lib/server/http';
import { loadDashboard } from '$lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '$lib/server/program/dashboard/dashboard.query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { query, invalid } = parseDashboardQuery(event.url.searchParams);
  return { ...(await loadOr404(() => loadDashboard(event.locals.db, actor, query))), invalid };
};
