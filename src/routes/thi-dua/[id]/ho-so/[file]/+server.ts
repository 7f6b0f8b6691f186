import { error } from '@sveltejs/kit';
import { fileOr404, contentDisposition } from '$lib/server/http';
import { DOCX_MIME } from '$lib/server/documents';
import { dossier } from '$lib/server/emulation/dossier.service';
import type { RequestHandler } from './$types';

/** One paper of a council's dossier (?org= the council's organisation), as a .docx draft. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (locals.actor.kind === 'anonymous') error(401, 'Sign in');
  const org = url.searchParams.get('org') ?? '';
  const files = await fileOr404(() => dossier(locals.db, locals.actor, org, params.id));
  const body = files[params.file];
  if (!body) error(404, 'Not found');
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': DOCX_MIME,
      'content-disposition': contentDisposition(params.file),
      'cache-control': 'private, no-store'
    }
  });
};
