/** The report's statistical annex (phụ lục) as .xlsx. */
import { rethrowAsHttp } from '$lib/server/http';
import { XLSX_MIME } from '$lib/server/documents';
import { reportFiles } from '$lib/server/reporting/report.document';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
  const { annex } = await reportFiles(locals.db, locals.actor, params.id).catch(rethrowAsHttp);
  return new Response(new Uint8Array(annex), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': `attachment; filename="phu-luc-${params.id.slice(0, 8)}.xlsx"`,
      'cache-control': 'no-store'
    }
  });
};
