import { error } from '@sveltejs/kit';
import { fileOr404, contentDisposition } from '$lib/server/http';
import { slipFile } from '$lib/server/reports/workflow/slip.service';
import type { RequestHandler } from './$types';

/** The forwarding slip to print: as issued, or a draft for the agency chosen on the forward form. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (locals.actor.kind === 'anonymous') error(401, 'Sign in');
  const agency = url.searchParams.get('agency');
  const file = await fileOr404(() => slipFile(locals.db, locals.actor, params.id, agency));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.mime,
      'content-disposition': contentDisposition(file.name),
      'cache-control': 'private, no-store'
    }
  });
};
