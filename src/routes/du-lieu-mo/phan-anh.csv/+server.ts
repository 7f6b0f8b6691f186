/** Published reports as CSV for anyone (open data), with the public list's filters. */
import { contentDisposition } from '$lib/server/http';
import { openDataCsv } from '$lib/server/public/open-data.service';
import { parseQuery } from '$lib/server/reports/public/public.service';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const body = await openDataCsv(locals.db, parseQuery(url.searchParams).query);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`phan-anh-cong-khai-${todayVn()}.csv`),
      'access-control-allow-origin': '*'
    }
  });
};
