/**
 * The one exemption from SvelteKit's cross-site form check. Open311 GeoReport v2 clients post
 * forms from their own servers, with no Origin header; Kit would refuse them with 403 and has
 * no per-route exemption. So before the app sees such a request, it is made same-origin — and,
 * so that this can never carry a signed-in user's authority, its cookies are removed: Open311
 * authenticates by API key only. Every other request keeps the framework's check.
 */
export const OPEN311_PREFIX = '/open311/v2/';

/**
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} req
 * @param {string | undefined} origin the public origin (ORIGIN), else taken from the Host header
 * @returns {boolean} whether the request was exempted
 */
export function exemptOpen311(req, origin) {
  if (req.method !== 'POST') return false;
  const pathname = (req.url ?? '').split('?', 1)[0];
  if (!pathname.startsWith(OPEN311_PREFIX)) return false;
  delete req.headers.cookie;
  req.headers.origin = origin ?? `http://${req.headers.host}`;
  return true;
}
