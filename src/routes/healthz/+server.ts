import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { config } from '$lib/server/config';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
  await sql`select 1`.execute(locals.db);
  return json({ status: 'ok', database: config.dbKind, version: config.version });
};
