/** A photo an officer approved for the public, of a published report (the re-encoded copy). */
import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { config } from '$lib/server/config';
import { isAppError } from '$lib/server/errors';
import { publicPhoto } from '$lib/server/reports/public/public.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
  try {
    const photo = await publicPhoto(locals.db, params.id);
    // Stored paths are relative to DATA_DIR; refuse anything that climbs out of it.
    const root = path.resolve(config.DATA_DIR);
    const file = path.resolve(root, photo.path);
    if (!file.startsWith(root + path.sep)) error(404, 'Not found');
    const body = await readFile(file).catch(() => error(404, 'Not found'));
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': photo.mime, 'cache-control': 'public, max-age=3600' }
    });
  } catch (e) {
    if (isAppError(e)) error(404, 'Not found');
    throw e;
  }
};
