/**
 * The report as a Decree-30 .docx: once submitted, the file issued in the register; a draft's
 * is made by the document worker, so this asks for it and sends the reader to the job's page.
 */
import { redirect } from '@sveltejs/kit';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { DOCX_MIME } from '$lib/server/documents';
import { issuedReportFiles } from '$lib/server/reporting/report.document';
import { requestReportDocuments } from '$lib/server/reporting/report-jobs.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const id = event.params.id;
  const issued = await loadOr404(() => issuedReportFiles(db, actor, id));
  if (!issued) {
    const job = await loadOr404(() => requestReportDocuments(db, actor, id));
    redirect(303, `/program/reports/${id}/documents/${job.id}`);
  }
  return new Response(new Uint8Array(issued.docx), {
    headers: {
      'content-type': DOCX_MIME,
      'content-disposition': `attachment; filename="bao-cao-${id.slice(0, 8)}.docx"`,
      'cache-control': 'no-store'
    }
  });
};
