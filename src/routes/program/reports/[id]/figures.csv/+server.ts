/** The report's figures as CSV. */
import { rethrowAsHttp, contentDisposition } from '$lib/server/http';
import { figuresCsv } from '$lib/server/reporting/figures.export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
  const body = await figuresCsv(locals.db, locals.actor, params.id).catch(rethrowAsHttp);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`so-lieu-${params.id.slice(0, 8)}.csv`),
      'cache-control': 'no-store'
    }
  });
};
