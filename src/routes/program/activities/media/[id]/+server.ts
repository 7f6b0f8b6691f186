import { error } from '@sveltejs/kit';
import { isAppError } from '$lib/server/errors';
import { openProgramMedia } from '$lib/server/program/activities/activity-media.service';
import type { RequestHandler } from './$types';

/** Photos of activities and commitments (the copy without metadata), for readers in scope. */
export const GET: RequestHandler = async ({ locals, params }) => {
  try {
    const body = await openProgramMedia(locals.db, locals.actor, params.id);
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, no-store', 'content-disposition': 'inline' }
    });
  } catch (e) {
    if (isAppError(e) || (e as NodeJS.ErrnoException)?.code === 'ENOENT') error(404, 'Not found');
    throw e;
  }
};
