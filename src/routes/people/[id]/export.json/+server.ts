import { json } from '@sveltejs/kit';
import { loadOr404, contentDisposition } from '$lib/server/http';
import { exportPerson } from '$lib/server/people/rights.service';
import type { RequestHandler } from './$types';

/** Subject access: everything held about the person, as a JSON download. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const data = await loadOr404(() => exportPerson(locals.db, locals.actor, params.id));
  return json(data, {
    headers: { 'content-disposition': contentDisposition(`person-${params.id}.json`), 'cache-control': 'no-store' }
  });
};
