import { loadOr404, requireSignIn } from '$lib/server/http';
import { loadDashboard } from '$lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '$lib/server/program/dashboard/dashboard.query';
import type { PageServerLoad } from './$types';

/** The dashboard's map on its own page: the one part of the dashboard that needs a script. */
export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { query } = parseDashboardQuery(event.url.searchParams);
  const { org, map, lines } = await loadOr404(() => loadDashboard(event.locals.db, actor, query));
  return { org, map, lines: lines.map((l) => ({ code: l.code, name_vi: l.name_vi, name_en: l.name_en })) };
};
