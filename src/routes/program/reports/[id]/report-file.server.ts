/**
 * The report's files, .docx and annex .xlsx: once submitted, the files issued with it; a
 * draft's are made by the document worker, so asking for one starts (or finds) the job and
 * sends the reader to the job's page.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { loadOr404, requireSignIn, contentDisposition } from '$lib/server/http';
import { DOCX_MIME, XLSX_MIME } from '$lib/server/documents';
import { issuedReportFiles } from '$lib/server/reporting/report.document';
import { requestReportDocuments } from '$lib/server/reporting/report-jobs.service';

const FILES = {
  docx: { mime: DOCX_MIME, name: (id: string) => `bao-cao-${id.slice(0, 8)}.docx` },
  annex: { mime: XLSX_MIME, name: (id: string) => `phu-luc-${id.slice(0, 8)}.xlsx` }
};

export const reportFile =
  (kind: keyof typeof FILES) =>
  async (event: RequestEvent<{ id: string }>): Promise<Response> => {
    const actor = requireSignIn(event);
    const { db } = event.locals;
    const id = event.params.id;
    const issued = await loadOr404(() => issuedReportFiles(db, actor, id));
    if (!issued) {
      const job = await loadOr404(() => requestReportDocuments(db, actor, id));
      redirect(303, `/program/reports/${id}/documents/${job.id}`);
    }
    return new Response(new Uint8Array(issued[kind]), {
      headers: {
        'content-type': FILES[kind].mime,
        'content-disposition': contentDisposition(FILES[kind].name(id)),
        'cache-control': 'no-store'
      }
    });
  };
