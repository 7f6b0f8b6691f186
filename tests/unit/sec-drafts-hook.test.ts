/**
 * A form posted with a stale session cookie goes through the expired-form hook, which reads the
 * body itself to keep a draft. A body that is not a readable form (truncated multipart, a wrong
 * boundary, a bad encoding) is the client's mistake: 400, never a server error, nothing kept.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { forEachDb } from '../support/db';
import { handleExpiredForm } from '../../src/lib/server/drafts/hook';
import { resolveActor } from '../../src/lib/server/auth/request';

const URL_ = 'http://localhost/people/p1/edit';
const BOUNDARY = '----cs-fuzz';

function cookies(): Cookies {
  const value = new Map<string, string>();
  return {
    get: (name: string) => value.get(name),
    getAll: () => [...value].map(([name, v]) => ({ name, value: v })),
    set: (name: string, v: string) => void value.set(name, v),
    delete: (name: string) => void value.delete(name),
    serialize: () => ''
  } as unknown as Cookies;
}

const multipart = (body: string, type = `multipart/form-data; boundary=${BOUNDARY}`) =>
  new Request(URL_, { method: 'POST', headers: { 'content-type': type }, body });

const MALFORMED: [string, () => Request][] = [
  ['a truncated multipart body', () => multipart(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx`)],
  [
    'a body with another boundary',
    () => multipart('--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--other--')
  ],
  ['multipart without a boundary', () => multipart('garbage', 'multipart/form-data')],
  ['bytes that are no multipart at all', () => multipart('\u0000\u0001\u0002 not a form')]
];

forEachDb('expired-form hook', (ctx) => {
  let event: (request: Request) => RequestEvent;
  beforeAll(async () => {
    await ctx.db.deleteFrom('form_draft').execute();
    // A session cookie the database does not know (expired, or made up): the hook's case.
    const { clearCookie } = await resolveActor(ctx.db, { cookie: 'expired-session-token', authorization: null });
    expect(clearCookie).toBe(true);
    event = (request) =>
      ({
        request,
        url: new URL(request.url),
        cookies: cookies(),
        locals: { db: ctx.db, sessionExpired: clearCookie }
      }) as unknown as RequestEvent;
  });
  const resolve = () => Promise.resolve(new Response('resolved'));

  it.each(MALFORMED)('%s answers 400 and keeps nothing', async (_, request) => {
    const response = await handleExpiredForm({ event: event(request()), resolve });
    expect(response.status).toBe(400);
    expect(await ctx.db.selectFrom('form_draft').select('id').execute()).toEqual([]);
  });

  it('a readable form is kept and the browser is sent to sign in', async () => {
    const body = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="address"\r\n\r\nTổ 3\r\n--${BOUNDARY}--\r\n`;
    const response = await handleExpiredForm({ event: event(multipart(body)), resolve });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/\/login\?expired=1&next=/);
    expect(await ctx.db.selectFrom('form_draft').select('id').execute()).toHaveLength(1);
  });
});

// Every signed-in area keeps a draft (the program pages were once missed by a list of prefixes);
// public forms and machine endpoints go on to their own handlers.
const FORM_BODY = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBuổi tuyên truyền\r\n--${BOUNDARY}--\r\n`;
const KEPT = ['/program/activities/new', '/thi-dua/moi', '/reveal-requests', '/notifications', '/people/p1/edit'];
const PASSED = ['/report', '/r/report', '/r', '/login', '/logout', '/open311/v2/requests.json', '/api/v1/people'];

forEachDb('expired-form hook: which posts keep a draft', (ctx) => {
  const post = (path: string) =>
    ({
      request: new Request(`http://localhost${path}`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: FORM_BODY
      }),
      url: new URL(`http://localhost${path}`),
      cookies: cookies(),
      locals: { db: ctx.db, sessionExpired: true }
    }) as unknown as RequestEvent;
  const resolve = () => Promise.resolve(new Response('resolved'));

  it.each(KEPT)('%s: kept as a draft, sent to sign in', async (path) => {
    const response = await handleExpiredForm({ event: post(path), resolve });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain(`next=${encodeURIComponent(path)}`);
  });

  it.each(PASSED)('%s: goes on to its own handler', async (path) => {
    const response = await handleExpiredForm({ event: post(path), resolve });
    expect(await response.text()).toBe('resolved');
  });
});
