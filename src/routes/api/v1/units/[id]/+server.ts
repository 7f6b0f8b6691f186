/** GET /api/v1/units/{id} — public: one unit version with its predecessors and successors. */
import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/api';
import { notFound } from '$lib/server/errors';
import { getUnitHistory } from '$lib/server/geo/unit.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ params, locals }) => {
  const detail = await getUnitHistory(locals.db, params.id);
  if (!detail) throw notFound();
  return json(detail);
});
