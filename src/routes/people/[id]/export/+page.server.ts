import { exportPerson } from '$lib/server/people/rights.service';
import { orHttp } from '$lib/server/people/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  return { data: await orHttp(() => exportPerson(locals.db, locals.actor, params.id)) };
};
