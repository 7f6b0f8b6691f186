import { loadOr404, requireSignIn } from '$lib/server/http';
import { loadDashboard } from '$lib/server/program/dashboard/dashboard.service';
import { parseDashboardQuery } from '$lib/server/program/dashboard/dashboard.query';
import { emulationFigures } from '$lib/server/emulation/figures.service';
import type { PageServerLoad } from './$types';

// Tables, a bar chart drawn as SVG, GET filters and links: nothing here needs a script, so the
// page ships none (a cold load went from 72 to about 25 KB). The map, which does, has its own page.
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { query, invalid } = parseDashboardQuery(event.url.searchParams);
  const dashboard = await loadOr404(() => loadDashboard(event.locals.db, actor, query));
  const emulation = await emulationFigures(event.locals.db, actor, dashboard.org.id, query.from, query.to);
  return { ...dashboard, emulation, invalid };
};
