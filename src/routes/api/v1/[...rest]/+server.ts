/** Any /api/v1 path no endpoint claims: a JSON 404, never the HTML error page. */
import { AppError } from '$lib/server/errors';
import { errorResponse } from '$lib/server/api/api';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = async () => errorResponse(new AppError('NOT_FOUND'));
