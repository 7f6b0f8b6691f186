import { guardAdmin } from '$lib/server/accounts/route';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  guardAdmin(event);
};
