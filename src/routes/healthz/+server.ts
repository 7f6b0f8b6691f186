import { json } from '@sveltejs/kit';
import { health } from '$lib/server/health/health.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => json(await health(locals.db));
