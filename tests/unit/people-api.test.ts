import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo, BRANCH_1, BRANCH_3 } from './people-support';
import type { Actor } from '../../src/lib/server/access/actor';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import * as list from '../../src/routes/api/v1/people/+server';
import * as one from '../../src/routes/api/v1/people/[id]/+server';
import { recordConsent, saveSensitive } from '../../src/lib/server/people/consent.service';

type Handler = (event: never) => Promise<Response>;
const call = (h: unknown, event: Record<string, unknown>) => (h as Handler)(event as never);
const jsonRequest = (method: string, body: unknown) =>
  new Request('http://x/api/v1/people', {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });

forEachDb('people API', (ctx) => {
  let doanKet: Actor, binhLu: Actor, branch1: string, branch3: string;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    doanKet = await actorFor(ctx.db, 'canbo.doanket');
    binhLu = await actorFor(ctx.db, 'canbo.binhlu');
    branch1 = await orgId(ctx.db, BRANCH_1);
    branch3 = await orgId(ctx.db, BRANCH_3);
  });
  const locals = (actor: Actor) => ({ db: ctx.db, actor });

  it('creates, reads and patches a person with the form schema; never returns sensitive fields', async () => {
    let res = await call(list.POST, {
      locals: locals(doanKet),
      url: new URL('http://x/api/v1/people'),
      request: jsonRequest('POST', {
        full_name: 'API Thử',
        birth_year: 1950,
        phone: '+84912000999',
        organisation_id: branch1,
        ethnicity: 'Thái'
      })
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ full_name: 'API Thử', birth_year: 1950, phone: '0912000999', is_member: false });
    await recordConsent(ctx.db, doanKet, created.id, {
      version: '1',
      given_on: '2026-01-01',
      method: 'signature',
      witness_name: null
    });
    await saveSensitive(ctx.db, doanKet, created.id, { ethnicity: 'Thái', health_note: 'x' });
    res = await call(one.PATCH, {
      locals: locals(doanKet),
      params: { id: created.id },
      request: jsonRequest('PATCH', { address: 'Tổ 5' })
    });
    const patched = await res.json();
    expect(patched).toMatchObject({ address: 'Tổ 5', full_name: 'API Thử' });
    expect(JSON.stringify(patched)).not.toMatch(/ethnicity|health|Thái/);
    res = await call(list.GET, { locals: locals(doanKet), url: new URL('http://x/api/v1/people?q=api thu') });
    const body = await res.json();
    expect(body).toMatchObject({ total: 1, page: 1, page_size: 25, items: [{ id: created.id }] });
    expect(JSON.stringify(body)).not.toMatch(/ethnicity|health/);
  });

  it('answers validation errors per field, 404 out of scope, 401 anonymous', async () => {
    let res = await call(list.POST, {
      locals: locals(doanKet),
      url: new URL('http://x/api/v1/people'),
      request: jsonRequest('POST', { full_name: '', phone: '123', organisation_id: branch1 })
    });
    expect(res.status).toBe(400);
    const err = await res.json();
    expect(err.error.code).toBe('VALIDATION');
    expect(Object.keys(err.error.fields)).toEqual(['full_name', 'phone']);
    res = await call(list.POST, {
      locals: locals(binhLu),
      url: new URL('http://x/api/v1/people'),
      request: jsonRequest('POST', { full_name: 'Bình Lư API', organisation_id: branch3 })
    });
    const theirs = await res.json();
    res = await call(one.GET, { locals: locals(doanKet), params: { id: theirs.id } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
    res = await call(one.GET, { locals: locals(ANONYMOUS), params: { id: theirs.id } });
    expect(res.status).toBe(401);
  });
});
