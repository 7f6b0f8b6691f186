/**
 * SvelteKit's built-in CSRF origin check refuses every cross-site form POST, including the
 * form-encoded POSTs that Open311 clients send from servers (no Origin header). Kit has no
 * per-route exemption, so svelte.config.js trusts all origins and this hook re-applies the
 * same check everywhere except /open311/v2/, which uses no cookies and requires an API key.
 */
const FORM_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
  'application/x-sveltekit-formdata'
];
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];
export const CSRF_EXEMPT_PREFIX = '/open311/v2/';

export function isBlockedCrossSiteForm(request: Request, url: URL): boolean {
  if (!UNSAFE.includes(request.method)) return false;
  if (url.pathname.startsWith(CSRF_EXEMPT_PREFIX)) return false;
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return false;
  return request.headers.get('origin') !== url.origin;
}

export function crossSiteResponse(request: Request): Response {
  const message = `Cross-site ${request.method} form submissions are forbidden`;
  if (request.headers.get('accept') === 'application/json') {
    return new Response(JSON.stringify({ message }), { status: 403, headers: { 'content-type': 'application/json' } });
  }
  return new Response(message, { status: 403, headers: { 'content-type': 'text/plain' } });
}
