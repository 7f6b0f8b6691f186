import { getAccount } from '$lib/server/accounts/accounts.service';
import { rethrowAsHttp } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, parent }) => {
  await parent(); // the /admin guard runs first
  try {
    return { target: await getAccount(locals.db, locals.actor, params.id) };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
