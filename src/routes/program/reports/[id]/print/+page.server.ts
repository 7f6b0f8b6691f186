import { loadOr404, requireSignIn } from '$lib/server/http';
import { pageView, reportView } from '$lib/server/reporting/report.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  return pageView(await loadOr404(() => reportView(event.locals.db, actor, event.params.id)));
};
