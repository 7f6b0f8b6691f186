/**
 * Malformed input never gives a server error: the bounded fuzz of every route (secb-fuzz-core.ts)
 * against the built server, anonymously and as the administrator.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { signInAs } from './support';
import { fuzz, type Sender } from './secb-fuzz-core';

const sender =
  (request: APIRequestContext): Sender =>
  async (method, url, headers, data) =>
    (
      await request.fetch(url, { method, headers, data, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 })
    ).status();

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES = Number(process.env.FUZZ_CASES ?? 2);

test.describe('malformed input', { tag: '@pg' }, () => {
  // One pass is enough: the JavaScript setting of the browser plays no part in raw requests.
  test.skip(() => test.info().project.name === 'sqlite-nojs', 'raw requests: run once per database');
  test.setTimeout(600_000);

  test('no route answers 5xx to bad parameters or bodies, anonymous or signed in', async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    // The two passes side by side (the server is mostly waiting on its database between
    // requests); the anonymous one has a context of its own, so it never carries the session.
    const stranger = await request.newContext({ baseURL });
    const [anon, admin] = await Promise.all([
      fuzz(sender(stranger), origin, false, SEED, CASES),
      signInAs(page, 'quantri').then(() => fuzz(sender(page.request), origin, true, SEED + 1, CASES))
    ]).finally(() => stranger.dispose());
    const sent = anon.sent + admin.sent;
    const failures = [...anon.failures, ...admin.failures];
    const resets = anon.resets + admin.resets;
    console.log(`fuzz: ${sent} requests, ${failures.length} answered 5xx, ${resets} connections reset`);
    expect(failures, failures.join('\n')).toEqual([]);
    // Each reset cost a stall of the server's idle timeout (5 s) behind an unread request body.
    expect(resets, 'kept-alive connections reset after an early answer').toBe(0);
  });
});
