import { error } from '@sveltejs/kit';
import { fileOr404, contentDisposition } from '$lib/server/http';
import { programFile } from '$lib/server/program/documents/documents.service';
import type { RequestHandler } from './$types';

/** The program as an official .docx: as last issued, else a draft without a number. */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (locals.actor.kind === 'anonymous') error(401, 'Sign in');
  const file = await fileOr404(() => programFile(locals.db, locals.actor, params.id));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.mime,
      'content-disposition': contentDisposition(file.name),
      'cache-control': 'private, no-store'
    }
  });
};
