/** Load functions: coded AppErrors become HTTP errors (another scope's record is a 404). */
import { error } from '@sveltejs/kit';
import { isAppError } from '$lib/server/errors';

export function rethrowAsHttp(e: unknown): never {
  if (isAppError(e)) error(e.status, { message: e.code, code: e.code });
  throw e;
}

/** Runs a service call for a page; NOT_FOUND (missing or out of scope) → 404, FORBIDDEN → 403. */
export async function loadOr404<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    rethrowAsHttp(e);
  }
}

/** Serving a stored file: any refusal (missing, out of scope) and a file gone from disk are all 404. */
export async function fileOr404<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e) || (e as NodeJS.ErrnoException)?.code === 'ENOENT') error(404, 'Not found');
    throw e;
  }
}
