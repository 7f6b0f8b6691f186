import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

/** Public: the document describes the API; it reveals no data. */
export const GET: RequestHandler = async () =>
  json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
