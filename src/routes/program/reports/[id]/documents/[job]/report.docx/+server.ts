/** A document job's docx file, for the officer who asked for it while they may read the report. */
import { fileOr404, requireSignIn, contentDisposition } from '$lib/server/http';
import { DOCX_MIME } from '$lib/server/documents';
import { reportJobFile } from '$lib/server/reporting/report-jobs.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const actor = requireSignIn(event);
  const { id, job } = event.params;
  const body = await fileOr404(() => reportJobFile(event.locals.db, actor, id, job, 'docx'));
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': DOCX_MIME,
      'content-disposition': contentDisposition(`bao-cao-${id.slice(0, 8)}.docx`),
      'cache-control': 'no-store'
    }
  });
};
