import { fileOr404, contentDisposition } from '$lib/server/http';
import { openEvidenceFile } from '$lib/server/emulation/evidence-file.service';
import type { RequestHandler } from './$types';

/** A photo or document of manual evidence, for readers of the registration's organisation. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const f = await fileOr404(() =>
    openEvidenceFile(locals.db, locals.actor, params.id, url.searchParams.get('size') === 'thumb')
  );
  const disposition = contentDisposition(f.name, f.inline ? 'inline' : 'attachment');
  return new Response(new Uint8Array(f.body), {
    headers: {
      'content-type': f.type,
      'cache-control': 'private, no-store',
      'content-disposition': disposition,
      'x-content-type-options': 'nosniff'
    }
  });
};
