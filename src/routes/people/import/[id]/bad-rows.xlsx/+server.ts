import { loadOr404, contentDisposition } from '$lib/server/http';
import { badRows } from '$lib/server/people/import.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
  const file = await loadOr404(() => badRows(locals.db, locals.actor, params.id));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'private, no-store'
    }
  });
};
