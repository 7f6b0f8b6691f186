import { redirect } from '@sveltejs/kit';
import { loadOr404 } from '$lib/server/http';
import { communePage } from '$lib/server/public/public-pages.service';
import type { PageServerLoad } from './$types';

// Like the home page, a commune's page is figures, cards and links: it ships no script, so it
// stays a light cold load on a village link.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const page = await loadOr404(() => communePage(locals.db, params.slug));
  // A stale or mistyped name part still finds the commune by its code; the address is corrected.
  if (page.canonical !== params.slug) redirect(301, url.pathname.replace(params.slug, page.canonical));
  return page;
};
