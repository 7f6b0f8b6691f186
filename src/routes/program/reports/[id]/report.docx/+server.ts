/** The report as a Decree-30 .docx (frozen figures once submitted). */
import { rethrowAsHttp } from '$lib/server/http';
import { DOCX_MIME } from '$lib/server/documents';
import { reportFiles } from '$lib/server/reporting/report.document';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
  const { docx } = await reportFiles(locals.db, locals.actor, params.id).catch(rethrowAsHttp);
  return new Response(new Uint8Array(docx), {
    headers: {
      'content-type': DOCX_MIME,
      'content-disposition': `attachment; filename="bao-cao-${params.id.slice(0, 8)}.docx"`,
      'cache-control': 'no-store'
    }
  });
};
