import { error } from '@sveltejs/kit';
import { downloadDocument } from '$lib/server/reports/workflow/files.service';
import { rethrowAsHttp } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Outcome documents, for officers who can read the report (404 otherwise). */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (locals.actor.kind === 'anonymous') error(404, 'Not found');
  try {
    const file = await downloadDocument(locals.db, locals.actor, params.id, params.fileId);
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.mime, 'content-disposition': 'attachment', 'cache-control': 'private, no-store' }
    });
  } catch (e) {
    rethrowAsHttp(e);
  }
};
