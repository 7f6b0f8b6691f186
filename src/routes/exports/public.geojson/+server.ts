/** Published reports as GeoJSON (public, rounded positions), with the public list filters. */
import { exportPublicGeoJson } from '$lib/server/reports/public/export.service';
import { parseQuery } from '$lib/server/reports/public/public.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const body = await exportPublicGeoJson(locals.db, parseQuery(url.searchParams).query);
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/geo+json; charset=utf-8', 'access-control-allow-origin': '*' }
  });
};
