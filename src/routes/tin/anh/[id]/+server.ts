import { fileOr404 } from '$lib/server/http';
import { publicNewsPhoto } from '$lib/server/news/news-public.service';
import type { RequestHandler } from './$types';

/** A photo of a published news item (the copy without metadata); nothing else is served here. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const body = await fileOr404(() => publicNewsPhoto(locals.db, params.id));
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=3600' }
  });
};
