/**
 * The intake limit for Open311 POSTs, answered the way Open311 clients read errors: the spec's
 * error list in the requested format (JSON or XML), status 429 and a Retry-After in seconds.
 */
import type { Db } from '$lib/server/db';
import { requestClientTag } from '$lib/server/auth/client-tag';
import { admitOpen311Post } from '$lib/server/reports/intake/intake-limits.service';
import { parsePath, render } from './open311.http';
import { o311Error } from './open311.service';

/** The 429 answer when this client has used its allowance, otherwise null (go on). */
export async function heldOpen311Post(
  db: Db,
  event: { getClientAddress: () => string },
  path: string
): Promise<Response | null> {
  const admitted = await admitOpen311Post(db, requestClientTag(event));
  if (admitted.ok) return null;
  const minutes = admitted.minutes;
  const result = o311Error(429, `too many requests from this client: try again in ${minutes} minute(s)`);
  const response = render(result, parsePath(path)?.format ?? 'json');
  response.headers.set('retry-after', String(minutes * 60));
  return response;
}
