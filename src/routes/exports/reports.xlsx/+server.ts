/** Excel workbook of the reports in the officer's scope, with the list filters. */
import { rethrowAsHttp, contentDisposition } from '$lib/server/http';
import { exportXlsx } from '$lib/server/reports/public/export.service';
import { parseQuery } from '$lib/server/reports/public/public.service';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const body = await exportXlsx(locals.db, locals.actor, parseQuery(url.searchParams).query).catch(rethrowAsHttp);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': contentDisposition(`phan-anh-${todayVn()}.xlsx`),
      'cache-control': 'no-store'
    }
  });
};
