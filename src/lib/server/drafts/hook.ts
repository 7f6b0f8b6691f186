import type { Handle } from '@sveltejs/kit';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';
import { readForm } from '$lib/server/http/form-action';
import { saveExpiredForm } from './draft.service';

/**
 * Posts that are not a signed-in user's page form: the forms that work without signing in
 * (their actions say `access: 'public'`) and the machine endpoints, which answer for themselves.
 * Every other form needs a signed-in user, so a new signed-in area is covered without a list.
 */
const PUBLIC_FORMS = ['/login', '/logout', '/report', '/r', '/open311', '/api'];

const isPublicForm = (path: string) => PUBLIC_FORMS.some((p) => path === p || path.startsWith(`${p}/`));

const isFormPost = (request: Request) =>
  request.method === 'POST' &&
  /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(request.headers.get('content-type') ?? '');

/**
 * A form posted with a session that has just expired: keep what was typed as a draft and send
 * the user to sign in; afterwards they land back on the form, filled in (see +layout.server.ts).
 * This is the one place drafts are kept: form actions only see sessions that are valid or absent.
 */
export const handleExpiredForm: Handle = async ({ event, resolve }) => {
  const path = deLocalizeUrl(event.url).pathname;
  if (!event.locals.sessionExpired || !isFormPost(event.request) || isPublicForm(path)) {
    return resolve(event);
  }
  // A truncated or malformed body is the client's mistake, answered like any form action's.
  const form = await readForm(event.request);
  if (!form) return new Response('Bad form', { status: 400 });
  const { url, setCookie } = await saveExpiredForm(event, form);
  const cookie: Record<string, string> = setCookie ? { 'set-cookie': setCookie } : {};
  const location = localizeHref(`/login?expired=1&next=${encodeURIComponent(path + url.search)}`);
  // Enhanced forms (use:enhance) expect an action result in JSON rather than an HTTP redirect.
  if (event.request.headers.get('x-sveltekit-action') === 'true') {
    return new Response(JSON.stringify({ type: 'redirect', status: 303, location }), {
      headers: { 'content-type': 'application/json', ...cookie }
    });
  }
  return new Response(null, { status: 303, headers: { location, ...cookie } });
};
