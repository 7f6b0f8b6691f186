/** GET /api/v1/units — public: units valid on a date, filtered, in Vietnamese order. */
import { json } from '@sveltejs/kit';
import { endpoint, parseWith, queryObject } from '$lib/server/api/api';
import { unitQuerySchema } from '$lib/server/geo/unit.schema';
import { listUnits, toDto } from '$lib/server/geo/unit.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ url, locals }) => {
  const query = parseWith(unitQuerySchema, queryObject(url));
  const { items, total } = await listUnits(locals.db, query);
  return json({ items: items.map(toDto), total });
});
