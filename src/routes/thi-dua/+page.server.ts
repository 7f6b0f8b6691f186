import { loadOr404, requireSignIn } from '$lib/server/http';
import { campaignsPage } from '$lib/server/emulation/page.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) =>
  loadOr404(() => campaignsPage(event.locals.db, requireSignIn(event)));
