/**
 * The public intake limit also covers the other ways in: follow-ups by receipt (/r/report: reply,
 * rating, reopening) draw on the sender's report allowance and say in Vietnamese when to try
 * again, with what was typed kept; Open311 POSTs get their own window per client and are answered
 * 429 in the format asked for (JSON or XML) with a Retry-After.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { forEachDb } from '../support/db';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { config } from '../../src/lib/server/config';
import { clientTag } from '../../src/lib/server/auth/client-tag';
import { admitReport } from '../../src/lib/server/reports/intake/intake-limits.service';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { FOLLOW_COOKIE, signFollowToken } from '../../src/lib/server/reports/intake/receipt-keys';
import { baseInput, setup, useTempMedia } from './reports-intake-support';
import { actions } from '../../src/routes/r/report/+page.server';
import { POST } from '../../src/routes/open311/v2/[...path]/+server';

type Action = (event: RequestEvent) => Promise<unknown>;

function cookieJar(values: Record<string, string>): Cookies {
  return { get: (name: string) => values[name], set: () => undefined, delete: () => undefined } as unknown as Cookies;
}

forEachDb('intake limits on follow-ups and Open311', (ctx) => {
  let reportId: string;
  beforeAll(async () => {
    useTempMedia();
    const f = await setup(ctx.db);
    reportId = (await createReport(ctx.db, ANONYMOUS, baseInput(f), { photos: [], voice: null })).reportId;
  });

  const followUp = (address: string, fields: Record<string, string>) => {
    const body = new URLSearchParams(fields);
    const request = new Request('http://localhost/r/report?/reply', { method: 'POST', body });
    const event = {
      request,
      url: new URL(request.url),
      cookies: cookieJar({ [FOLLOW_COOKIE]: signFollowToken(reportId) }),
      locals: { db: ctx.db, actor: ANONYMOUS, sessionExpired: false },
      getClientAddress: () => address
    } as unknown as RequestEvent;
    return (actions.reply as Action)(event) as Promise<{ status?: number; data?: Record<string, unknown> }>;
  };

  it('a follow-up past the allowance is held with a Vietnamese message and the text kept', async () => {
    const address = '203.0.113.50';
    const first = await followUp(address, { body: 'Rác vẫn còn ở bờ suối.' });
    expect(first.status).not.toBe(429);
    // The same client then sends reports until its allowance is used up.
    while ((await admitReport(ctx.db, clientTag(address), null)).ok);
    const held = await followUp(address, { body: 'Lần nữa: rác vẫn còn.' });
    expect(held.status).toBe(429);
    const data = held.data as { values: Record<string, string>; errors: Record<string, string> };
    expect(data.values.body).toBe('Lần nữa: rác vẫn còn.');
    expect(data.errors._form).toMatch(/xin thử gửi lại sau \d+ phút/);
    // Someone else, elsewhere, still gets through.
    expect((await followUp('198.51.100.77', { body: 'Tôi cũng thấy.' })).status).not.toBe(429);
  });

  const open311 = (address: string, path: string) => {
    const request = new Request(`http://localhost/open311/v2/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'do_rac', description: 'x' })
    });
    const event = {
      request,
      url: new URL(request.url),
      params: { path },
      locals: { db: ctx.db, actor: ANONYMOUS },
      getClientAddress: () => address
    } as unknown as RequestEvent;
    return (POST as unknown as Action)(event) as Promise<Response>;
  };

  it('Open311 POSTs past the allowance answer 429 in JSON or XML, in parallel too', async () => {
    const address = '192.0.2.31';
    const answers = await Promise.all(
      Array.from({ length: config.INTAKE_CLIENT_MAX + 5 }, () => open311(address, 'requests.json'))
    );
    // Without an api_key each admitted post is refused by the service (403); the rest are held.
    expect(answers.filter((r) => r.status === 429)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 403)).toHaveLength(config.INTAKE_CLIENT_MAX);

    const json = await open311(address, 'requests.json');
    expect(json.status).toBe(429);
    expect(Number(json.headers.get('retry-after'))).toBe(config.INTAKE_WINDOW_MINUTES * 60);
    expect(await json.json()).toEqual([{ code: 429, description: expect.stringMatching(/too many requests/) }]);

    const xml = await open311(address, 'requests.xml');
    expect(xml.status).toBe(429);
    expect(xml.headers.get('content-type')).toMatch(/xml/);
    expect(await xml.text()).toMatch(/<errors>\s*<error>\s*<code>429<\/code>/);

    // Another client is not held, and the web form's allowance of this address is untouched.
    expect((await open311('192.0.2.32', 'requests.json')).status).toBe(403);
    expect((await admitReport(ctx.db, clientTag(address), null)).ok).toBe(true);
  });
});
