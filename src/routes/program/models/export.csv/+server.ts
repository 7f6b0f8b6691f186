/** The models in the user's scope, with the list's filters, as CSV. */
import { rethrowAsHttp, contentDisposition } from '$lib/server/http';
import { exportModelsCsv } from '$lib/server/program/models/model-export.service';
import { parseModelQuery } from '$lib/server/program/models/model-list.schema';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const body = await exportModelsCsv(locals.db, locals.actor, parseModelQuery(url.searchParams)).catch(rethrowAsHttp);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`mo-hinh-${todayVn()}.csv`),
      'cache-control': 'no-store'
    }
  });
};
