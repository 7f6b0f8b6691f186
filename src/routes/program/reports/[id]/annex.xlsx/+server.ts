/**
 * The report's statistical annex (phụ lục) as .xlsx: once submitted, the file issued with it;
 * a draft's is made by the document worker (see report.docx).
 */
import { redirect } from '@sveltejs/kit';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { XLSX_MIME } from '$lib/server/documents';
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
  return new Response(new Uint8Array(issued.annex), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': `attachment; filename="phu-luc-${id.slice(0, 8)}.xlsx"`,
      'cache-control': 'no-store'
    }
  });
};
