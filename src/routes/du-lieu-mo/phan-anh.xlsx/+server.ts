/** Published reports as an Excel workbook for anyone (open data), dates as real dates. */
import { contentDisposition } from '$lib/server/http';
import { openDataXlsx } from '$lib/server/public/open-data.service';
import { parseQuery } from '$lib/server/reports/public/public.service';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const body = await openDataXlsx(locals.db, parseQuery(url.searchParams).query);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': contentDisposition(`phan-anh-cong-khai-${todayVn()}.xlsx`),
      'access-control-allow-origin': '*'
    }
  });
};
