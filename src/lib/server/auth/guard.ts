/**
 * Hook: while an account must change its password (new account or admin reset), every page
 * except the password form, sign-out and static files redirects to the password form.
 * Scripts using an API token are not affected.
 */
import { json, type Handle } from '@sveltejs/kit';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';

const ALLOWED = ['/account/password', '/logout'];

function exempt(path: string, authorization: string | null): boolean {
  if (ALLOWED.some((p) => path === p || path.startsWith(p + '/'))) return true;
  if (path.startsWith('/_app/') || /\.[a-z0-9]+$/i.test(path.split('/').pop() ?? '')) return true;
  return path.startsWith('/api/') && /^Bearer\s/i.test(authorization ?? '');
}

export const handleMustChangePassword: Handle = async ({ event, resolve }) => {
  if (!event.locals.account?.mustChangePassword) return resolve(event);
  const path = deLocalizeUrl(event.url).pathname.replace(/\/__data\.json$/, '') || '/';
  if (exempt(path, event.request.headers.get('authorization'))) return resolve(event);
  const location = localizeHref('/account/password');
  // Client-side navigations and enhanced forms expect SvelteKit's JSON redirect, not a 303.
  if (event.isDataRequest) return json({ type: 'redirect', location });
  if (event.request.method === 'POST' && event.request.headers.get('x-sveltekit-action') === 'true') {
    return json({ type: 'redirect', status: 303, location });
  }
  return new Response(null, { status: 303, headers: { location } });
};
