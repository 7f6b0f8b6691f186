import { loadOr404, requireSignIn } from '$lib/server/http';
import { exportPerson } from '$lib/server/people/rights.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  event.setHeaders({ 'cache-control': 'no-store' });
  return { data: await loadOr404(() => exportPerson(event.locals.db, actor, event.params.id)) };
};
