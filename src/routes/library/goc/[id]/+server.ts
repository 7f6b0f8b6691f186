import { fileOr404, requireSignIn, contentDisposition } from '$lib/server/http';
import { originalAudioFile } from '$lib/server/library/library.service';
import type { RequestHandler } from './$types';

/** The original upload of a reading, for officers keeping the library (never public). */
export const GET: RequestHandler = async (event) => {
  const actor = requireSignIn(event);
  const file = await fileOr404(() => originalAudioFile(event.locals.db, actor, event.params.id));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mime,
      'content-disposition': contentDisposition(file.name),
      'cache-control': 'private, no-store'
    }
  });
};
