import { filterOptions, mapData, parseQuery } from '$lib/server/reports/public/public.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { query, errors } = parseQuery(url.searchParams);
  const [data, options] = await Promise.all([mapData(locals.db, query), filterOptions(locals.db)]);
  return { query, errors, ...data, options, search: url.search };
};
