import { listQueue } from '$lib/server/reports/workflow/queue.service';
import { loadOr404, requireSignIn } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  return loadOr404(() => listQueue(event.locals.db, actor, event.url.searchParams.get('tab')));
};
