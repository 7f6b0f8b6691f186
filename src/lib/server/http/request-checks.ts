/**
 * Requests refused before any route runs. The JSON API takes writes from a browser session only
 * from this site's own pages: a cookie-authenticated POST/PUT/PATCH/DELETE must carry this
 * origin (browsers always send Origin on those), whatever its content type, so no other site
 * can act for a signed-in officer. API clients authenticate with a bearer token instead.
 */
import { json } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const API_PREFIX = '/api/';

export function isCrossSiteApiWrite(
  request: Request,
  url: URL,
  cookies: { get(name: string): string | undefined }
): boolean {
  if (!UNSAFE.has(request.method) || !url.pathname.startsWith(API_PREFIX)) return false;
  if (request.headers.has('authorization') || !cookies.get(SESSION_COOKIE)) return false;
  return request.headers.get('origin') !== url.origin;
}

export const crossSiteApiResponse = (): Response =>
  json(
    { error: { code: 'FORBIDDEN', message: 'Cross-site requests with a session cookie are refused' } },
    { status: 403 }
  );

/**
 * `?/default` names the unnamed action explicitly, which SvelteKit rejects with a server error;
 * no page of ours posts it, so it is answered as the client's mistake.
 */
export function namesDefaultAction(request: Request, url: URL): boolean {
  return request.method === 'POST' && url.searchParams.has('/default');
}

/**
 * A NUL character in the path or query is never part of a real address, and PostgreSQL refuses
 * it in any text value ("invalid byte sequence"): answered as the client's mistake before any
 * route passes it to a query.
 */
export function hasNulInAddress(url: URL): boolean {
  return /%00/i.test(url.pathname) || /%00/i.test(url.search) || url.pathname.includes('\0');
}
