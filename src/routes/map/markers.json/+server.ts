import { json } from '@sveltejs/kit';
import { mapMarkers, parseQuery } from '$lib/server/reports/public/public.service';
import type { RequestHandler } from './$types';

/**
 * Dots of the published reports matching the page's filters (rounded positions, no text or
 * photos), for the map once it is opened. Invalid filters are ignored, as on the page.
 */
export const GET: RequestHandler = async ({ locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=300' });
  return json({ reports: await mapMarkers(locals.db, parseQuery(url.searchParams).query) });
};
