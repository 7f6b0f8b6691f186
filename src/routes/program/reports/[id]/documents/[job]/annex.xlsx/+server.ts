/** A document job's annex file, for the officer who asked for it while they may read the report. */
import { fileOr404, requireSignIn, contentDisposition } from '$lib/server/http';
import { XLSX_MIME } from '$lib/server/documents';
import { reportJobFile } from '$lib/server/reporting/report-jobs.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const actor = requireSignIn(event);
  const { id, job } = event.params;
  const body = await fileOr404(() => reportJobFile(event.locals.db, actor, id, job, 'annex'));
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': contentDisposition(`phu-luc-${id.slice(0, 8)}.xlsx`),
      'cache-control': 'no-store'
    }
  });
};
