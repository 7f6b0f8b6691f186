import { fileOr404 } from '$lib/server/http';
import { openProgramMedia } from '$lib/server/program/activities/activity-media.service';
import type { RequestHandler } from './$types';

/** Photos of activities and commitments (the copy without metadata), for readers in scope. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const body = await fileOr404(() => openProgramMedia(locals.db, locals.actor, params.id));
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, no-store', 'content-disposition': 'inline' }
  });
};
