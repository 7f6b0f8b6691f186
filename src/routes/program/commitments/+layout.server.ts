import { requireSignIn } from '$lib/server/people/route';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  requireSignIn(locals, url);
};
