import { json } from '@sveltejs/kit';
import { villagesOf } from '$lib/server/reports/intake/intake.options';
import type { RequestHandler } from './$types';

/** The villages of one commune, for the picker when JavaScript is on (public reference data). */
export const GET: RequestHandler = async ({ locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=3600' });
  return json(await villagesOf(locals.db, url.searchParams.get('commune')));
};
