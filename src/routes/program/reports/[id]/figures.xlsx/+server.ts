/** The report's figures as .xlsx. */
import { rethrowAsHttp, contentDisposition } from '$lib/server/http';
import { XLSX_MIME } from '$lib/server/documents';
import { figuresXlsx } from '$lib/server/reporting/figures.export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
  const body = await figuresXlsx(locals.db, locals.actor, params.id).catch(rethrowAsHttp);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': contentDisposition(`so-lieu-${params.id.slice(0, 8)}.xlsx`),
      'cache-control': 'no-store'
    }
  });
};
