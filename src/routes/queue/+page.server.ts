import { listQueue } from '$lib/server/reports/workflow/queue.service';
import { loadOr404, requireSignIn } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { locals, url } = event;
  return loadOr404(() => listQueue(locals.db, actor, url.searchParams.get('tab'), new Date(), url.searchParams));
};
