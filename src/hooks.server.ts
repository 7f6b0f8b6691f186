import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb } from '$lib/server/db/instance';
import { resolveActor } from '$lib/server/auth/request';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { handleMustChangePassword } from '$lib/server/auth/guard';
import { handleExpiredForm } from '$lib/server/drafts/hook';
import { ensureSeeded } from '$lib/server/seed/startup';
import { startDocumentWorker } from '$lib/server/reporting/report-jobs.service';
import { log } from '$lib/server/log';
import { config } from '$lib/server/config';
import { refuseWeakSecret } from '$lib/server/secrets/app-secret';
import {
  crossSiteApiResponse,
  hasNulInAddress,
  isCrossSiteApiWrite,
  namesDefaultAction
} from '$lib/server/http/request-checks';
import { acceptedEncoding, compressResponse, shouldCompress } from '$lib/server/compress';
import { applySecurityHeaders } from '$lib/server/http/security-headers';
import { handleUploadBudget } from '$lib/server/http/upload-budget';
import { atUrl, withoutBody } from '$lib/server/http/multipart';
import { handleDatabaseOutage, UNAVAILABLE_CODE } from '$lib/server/http/db-outage';
import { isDatabaseUnavailable } from '$lib/server/db/dialect';

export const init: ServerInit = async () => {
  if (building) return;
  // Refuse to start with a published or short APP_SECRET; create the kept one on first start.
  refuseWeakSecret(() => config.APP_SECRET);
  const db = await getDb();
  await ensureSeeded(db);
  // documents are made off the request, one at a time; jobs left by a previous run resume
  startDocumentWorker(db);
};

const handleAuth: Handle = async ({ event, resolve }) => {
  const db = await getDb();
  event.locals.db = db;
  const { actor, account, clearCookie } = await resolveActor(db, {
    cookie: event.cookies.get(SESSION_COOKIE),
    authorization: event.request.headers.get('authorization')
  });
  event.locals.actor = actor;
  event.locals.account = account;
  event.locals.sessionExpired = clearCookie;
  if (clearCookie) event.cookies.delete(SESSION_COOKIE, { path: '/' });
  return resolve(event);
};

// The middleware copies the request to change its address; an upload's body must not be
// copied with it (a copy nobody reads holds every byte in memory), so it sees the request
// without its body and the body goes on to the app untouched.
const handleParaglide: Handle = ({ event, resolve }) => {
  const original = event.request;
  return paraglideMiddleware(withoutBody(original), ({ request, locale }) => {
    event.request = atUrl(original, request.url);
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
    });
  });
};

// Runs outside handleAuth, so locals.actor is known once the response comes back.
const handleHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  return applySecurityHeaders(response, {
    origin: config.ORIGIN ?? event.url.origin,
    signedIn: event.locals.actor?.kind === 'account'
  });
};

// adapter-node does not compress what SvelteKit renders (only the prebuilt assets). The page's
// preloads are also <link> tags at the top of its HTML; repeated as a `link` header they cost
// about 1 KB of uncompressed header on every page, so the header is dropped.
const handleCompression: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  if (response.headers.has('x-sveltekit-page')) response.headers.delete('link');
  const encoding = shouldCompress(event.request, response) && acceptedEncoding(event.request);
  return encoding ? compressResponse(response, encoding) : response;
};

// Kit's own origin check guards form posts (svelte.config.js); these add what it does not cover.
const handleRequestChecks: Handle = ({ event, resolve }) => {
  if (isCrossSiteApiWrite(event.request, event.url, event.cookies)) return crossSiteApiResponse();
  if (namesDefaultAction(event.request, event.url)) return new Response('Unknown form action', { status: 400 });
  if (hasNulInAddress(event.url)) return new Response('Bad request', { status: 400 });
  return resolve(event);
};

export const handle = sequence(
  handleCompression,
  handleHeaders,
  handleDatabaseOutage,
  handleRequestChecks,
  handleUploadBudget,
  handleParaglide,
  handleAuth,
  handleExpiredForm,
  handleMustChangePassword
);

// Never leak internals: log the error (without request bodies) and show a generic message. A
// client's mistake (4xx) is a warning without a stack trace; only server faults are errors.
export const handleError: HandleServerError = ({ error, event, status }) => {
  // Not a fault of the app: the page is answered 503 (http/db-outage.ts), one line in the log.
  if (isDatabaseUnavailable(error)) {
    event.locals.databaseUnavailable = true;
    log.warn({ path: event.url.pathname, err: (error as Error).message }, 'database unavailable');
    return { message: 'Service unavailable', code: UNAVAILABLE_CODE };
  }
  if (status >= 500) log.error({ err: error, path: event.url.pathname }, 'unhandled error');
  else if (status !== 404)
    log.warn({ status, path: event.url.pathname, message: (error as Error)?.message }, 'client error');
  if (status === 404) return { message: 'Not found', code: 'NOT_FOUND' };
  return status < 500
    ? { message: 'Bad request', code: 'BAD_REQUEST' }
    : { message: 'Internal error', code: 'INTERNAL' };
};
