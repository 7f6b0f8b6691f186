import { fileOr404 } from '$lib/server/http';
import { openBoardPhoto } from '$lib/server/emulation/evidence-file.service';
import type { RequestHandler } from './$types';

/**
 * An awardee's photo on the public honour board. Not cached for long: a withdrawn consent must
 * take the photo down within minutes, not days.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const body = await fileOr404(() => openBoardPhoto(locals.db, params.id, url.searchParams.get('size') === 'thumb'));
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=300', 'content-disposition': 'inline' }
  });
};
