import { error } from '@sveltejs/kit';
import { fileOr404, contentDisposition } from '$lib/server/http';
import { issuedFile } from '$lib/server/documents';
import type { RequestHandler } from './$types';

/** An award decision exactly as it was issued (from the register). */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (locals.actor.kind === 'anonymous') error(401, 'Sign in');
  const file = await fileOr404(() => issuedFile(locals.db, locals.actor, params.id));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.mime,
      'content-disposition': contentDisposition(file.name),
      'cache-control': 'private, no-store'
    }
  });
};
