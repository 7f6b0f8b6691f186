import { filterOptions, listPublicReports, parseQuery } from '$lib/server/reports/public/public.service';
import type { PageServerLoad } from './$types';

// The list needs no script (a GET filter form, links and the pager are plain HTML), so it ships
// none: each row would otherwise be sent twice, as HTML and again as data for hydration.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { query, shown, errors } = parseQuery(url.searchParams);
  const [result, options] = await Promise.all([listPublicReports(locals.db, query), filterOptions(locals.db)]);
  return { query: shown, errors, ...result, options, search: url.search };
};
