import { listQueue } from '$lib/server/reports/workflow/queue.service';
import { orHttp, requireSignIn } from '$lib/server/people/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url);
  return orHttp(() => listQueue(locals.db, locals.actor, url.searchParams.get('tab')));
};
