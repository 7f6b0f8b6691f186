import { json } from '@sveltejs/kit';
import { communeGeoJson } from '$lib/server/reports/intake/intake.options';
import type { RequestHandler } from './$types';

/** Commune shapes (or centres) for the intake map; fetched only when the map is opened. */
export const GET: RequestHandler = async ({ locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=3600' });
  return json(await communeGeoJson(locals.db));
};
