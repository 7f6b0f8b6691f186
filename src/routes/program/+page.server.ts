import { requireSignIn } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSignIn(event);
  return {};
};
