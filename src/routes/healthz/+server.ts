import { json } from '@sveltejs/kit';
import { health } from '$lib/server/health/health.service';
import type { RequestHandler } from './$types';

// 503 while the database does not answer, so a load balancer stops sending traffic here.
export const GET: RequestHandler = async ({ locals }) => {
  const reading = await health(locals.db);
  return json(reading, {
    status: reading.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' }
  });
};
