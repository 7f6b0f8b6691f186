import { filterOptions, listPublicReports, parseQuery } from '$lib/server/reports/public/public.service';
import type { PageServerLoad } from './$types';

/**
 * One page of the list (the map's text alternative, and the whole page without JavaScript);
 * outlines and markers are not in the page but fetched when the map is opened.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { query, errors } = parseQuery(url.searchParams);
  const [result, options] = await Promise.all([listPublicReports(locals.db, query), filterOptions(locals.db)]);
  return { query, errors, ...result, options, search: url.search };
};
