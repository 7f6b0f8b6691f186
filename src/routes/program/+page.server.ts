import { signedInOrRedirect } from '$lib/server/org/org.pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  signedInOrRedirect(locals, url);
  return {};
};
