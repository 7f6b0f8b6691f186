import { isAdministrator } from '$lib/server/access/access';
import { guardRole } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

/** The admin area: anonymous visitors sign in, everyone else who is not an administrator gets 404. */
export const load: LayoutServerLoad = (event) => {
  guardRole(event, isAdministrator);
};
