import { filterOptions, listPublicReports, parseQuery } from '$lib/server/reports/public/public.service';
import type { PageServerLoad } from './$types';

// The list with its filters and pager is plain HTML, so the page ships no script: every row
// would otherwise travel twice (as HTML and as hydration data). The map itself, the one part
// that needs a script, is its own page (/map/view), reached with the same filters.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { query, shown, errors } = parseQuery(url.searchParams);
  const [result, options] = await Promise.all([listPublicReports(locals.db, query), filterOptions(locals.db)]);
  // The map keeps the filters; the page number belongs to the list only.
  const params = new URLSearchParams(url.search);
  params.delete('page');
  const mapSearch = params.size ? `?${params}` : '';
  return { query: shown, errors, ...result, options, search: url.search, mapSearch };
};
