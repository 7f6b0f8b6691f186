import { error } from '@sveltejs/kit';
import { loadOr404, contentDisposition } from '$lib/server/http';
import { downloadProgramDocument } from '$lib/server/program/programs/program.service';
import type { RequestHandler } from './$types';

/** The signed document, for users who can read the program (404 otherwise). */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (locals.actor.kind === 'anonymous') error(404, 'Not found');
  const file = await loadOr404(() => downloadProgramDocument(locals.db, locals.actor, params.id));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.mime,
      'content-disposition': contentDisposition(`chuong-trinh-${params.id.slice(0, 8)}.${file.ext}`),
      'cache-control': 'private, no-store'
    }
  });
};
