/**
 * While the database cannot be reached (stopped, restarting, cut off), every request that needs
 * it is answered 503 with a page that says so in plain words and asks to try again shortly —
 * not the generic "something went wrong" of a 500, and without a stack trace in the log per
 * request. The process stays up and the connection pool reconnects by itself once the
 * database is back, so nothing needs restarting.
 *
 * A failure inside a hook (the session lookup) reaches `handleDatabaseOutage` as a throw; one in
 * a load function or a form action is caught by SvelteKit, which calls handleError (hooks.server.ts)
 * — that marks the request (`locals.databaseUnavailable`) and the rendered 500 is replaced here.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { isDatabaseUnavailable } from '$lib/server/db/dialect';
import { log } from '$lib/server/log';

/** Seconds a client is asked to wait: a PostgreSQL restart takes a few. */
export const RETRY_AFTER_SECONDS = 30;
export const UNAVAILABLE_CODE = 'UNAVAILABLE';

type Locale = 'vi' | 'en';

// Outside the language middleware: the language comes from the address itself (/en/… is English).
const localeOf = (url: URL): Locale => (/^\/en(\/|$)/.test(url.pathname) ? 'en' : 'vi');

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

// Large type and links a finger can hit (WCAG target size), without the app's stylesheet.
const STYLE =
  'body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}' +
  'ul{list-style:none;padding:0}a{display:inline-block;padding:.6rem 0}';

/** A page that needs nothing from the database, the app's scripts or its stylesheet. */
function outagePage(url: URL, locale: Locale): string {
  const o = { locale };
  const title = m.sec_outage_title({}, o);
  const home = locale === 'en' ? '/en' : '/';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — ${escape(m.app_name({}, o))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p>${escape(m.sec_outage_body({}, o))}</p>
<p>${escape(m.sec_outage_sent({}, o))}</p>
<ul>
<li><a href="${escape(url.pathname + url.search)}">${escape(m.sec_outage_retry({}, o))}</a></li>
<li><a href="${home}">${escape(m.back_home({}, o))}</a></li>
</ul>
</main>
</body>
</html>
`;
}

/**
 * The 503 in the form the asker reads: an enhanced form post gets an action result (the form
 * shows the error page), the app's own navigation and API clients get JSON, a browser the page.
 */
export function outageResponse(event: Pick<RequestEvent, 'request' | 'url'>): Response {
  const locale = localeOf(event.url);
  const error = { message: m.sec_outage_body({}, { locale }), code: UNAVAILABLE_CODE };
  const headers = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
  const wantsHtml = (event.request.headers.get('accept') ?? '').includes('text/html');
  if (event.request.headers.has('x-sveltekit-action'))
    return Response.json({ type: 'error', status: 503, error }, { status: 503, headers });
  // The JSON API's own error shape (api/api.ts), for what failed before reaching an endpoint.
  if (/^\/(en\/)?api\//.test(event.url.pathname)) return Response.json({ error }, { status: 503, headers });
  if (!wantsHtml || event.url.pathname.endsWith('/__data.json')) return Response.json(error, { status: 503, headers });
  return new Response(outagePage(event.url, locale), {
    status: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
  });
}

export const handleDatabaseOutage: Handle = async ({ event, resolve }) => {
  let response: Response;
  try {
    response = await resolve(event);
  } catch (e) {
    if (!isDatabaseUnavailable(e)) throw e;
    log.warn({ path: event.url.pathname, err: (e as Error).message }, 'database unavailable');
    return outageResponse(event);
  }
  if (!event.locals.databaseUnavailable) return response;
  await response.body?.cancel();
  return outageResponse(event);
};
