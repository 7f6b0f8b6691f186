/**
 * A photo an officer approved for the public, of a published report (the re-encoded copy), or
 * with `?size=thumb` its 320 px thumbnail for the lists.
 */
import { fileOr404 } from '$lib/server/http';
import { publicPhoto } from '$lib/server/reports/public/public.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
  const thumb = url.searchParams.get('size') === 'thumb';
  const photo = await fileOr404(() => publicPhoto(locals.db, params.id, { thumb }));
  return new Response(new Uint8Array(photo.body), {
    headers: { 'content-type': photo.mime, 'cache-control': 'public, max-age=3600' }
  });
};
