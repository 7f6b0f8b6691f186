/** CSV of the reports in the officer's scope, with the list filters from the query string. */
import { rethrowAsHttp, contentDisposition } from '$lib/server/http';
import { exportCsv } from '$lib/server/reports/public/export.service';
import { parseQuery } from '$lib/server/reports/public/public.service';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const body = await exportCsv(locals.db, locals.actor, parseQuery(url.searchParams).query).catch(rethrowAsHttp);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`phan-anh-${todayVn()}.csv`),
      'cache-control': 'no-store'
    }
  });
};
