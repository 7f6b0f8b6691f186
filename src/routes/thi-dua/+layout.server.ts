import { requireSignIn } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  requireSignIn(event);
};
