import { json } from '@sveltejs/kit';
import { communeBackground } from '$lib/server/reports/public/public.service';
import type { RequestHandler } from './$types';

/**
 * Today's commune outlines and centres (public geography, the same for everyone): fetched only
 * when a visitor opens the map, so the list page no longer carries them, and cached an hour.
 */
export const GET: RequestHandler = async ({ locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=3600' });
  return json(await communeBackground(locals.db));
};
