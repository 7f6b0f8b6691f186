/**
 * The JSON API at request level: the real route handlers called with a request, on both
 * databases. Checks the error shape and statuses, scope (out of scope → 404), and that the
 * bodies are validated by the form schemas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import type { Actor } from '../../src/lib/server/access/actor';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { AppError } from '../../src/lib/server/errors';
import { errorResponse } from '../../src/lib/server/api/api';
import { organisationListSchema, organisationSchema } from '../../src/lib/server/org/organisation.schema';
import * as collection from '../../src/routes/api/v1/organisations/+server';
import * as item from '../../src/routes/api/v1/organisations/[id]/+server';
import * as closing from '../../src/routes/api/v1/organisations/[id]/close/+server';
import * as rest from '../../src/routes/api/v1/[...rest]/+server';

type Handler = (event: never) => Promise<Response> | Response;

interface Call {
  actor: Actor;
  path: string;
  method?: string;
  body?: unknown;
  raw?: string;
  params?: Record<string, string>;
}

forEachDb('organisations API', (ctx) => {
  const ids: Record<string, string> = {};
  const actors: Record<string, Actor> = {};
  let villageTwo = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    ids.doanKet = await orgId(ctx.db, 'Hội Người cao tuổi phường Đoàn Kết');
    ids.binhLu = await orgId(ctx.db, 'Hội Người cao tuổi xã Bình Lư');
    for (const u of ['canbo.tinh', 'canbo.doanket', 'kiemlam']) actors[u] = await actorFor(ctx.db, u);
    villageTwo = (
      await ctx.db
        .selectFrom('admin_unit')
        .select('id')
        .where('name', '=', 'Bản Mẫu Hai (demo)')
        .executeTakeFirstOrThrow()
    ).id;
  });

  async function call(handler: Handler, c: Call): Promise<{ status: number; body: any }> {
    const url = new URL(`http://localhost${c.path}`);
    const headers = c.body !== undefined || c.raw !== undefined ? { 'content-type': 'application/json' } : undefined;
    const request = new Request(url, {
      method: c.method ?? 'GET',
      headers,
      body: c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body))
    });
    const event = { locals: { db: ctx.db, actor: c.actor, account: null }, url, request, params: c.params ?? {} };
    const res = await handler(event as never);
    expect(res.headers.get('content-type')).toContain('application/json');
    return { status: res.status, body: await res.json() };
  }

  const branch = (name: string) => ({
    kind: 'association',
    type: 'branch',
    name,
    parent_id: ids.doanKet,
    admin_unit_id: villageTwo,
    valid_from: '2025-09-01'
  });

  describe('errors', () => {
    const CASES: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
      [
        'anonymous list',
        () => call(collection.GET, { actor: ANONYMOUS, path: '/api/v1/organisations' }),
        401,
        'UNAUTHENTICATED'
      ],
      [
        'anonymous get',
        () => call(item.GET, { actor: ANONYMOUS, path: '/x', params: { id: ids.doanKet } }),
        401,
        'UNAUTHENTICATED'
      ],
      [
        'out of scope get',
        () => call(item.GET, { actor: actors['canbo.doanket'], path: '/x', params: { id: ids.binhLu } }),
        404,
        'NOT_FOUND'
      ],
      [
        'missing get',
        () => call(item.GET, { actor: actors['canbo.doanket'], path: '/x', params: { id: 'nope' } }),
        404,
        'NOT_FOUND'
      ],
      [
        'out of scope patch',
        () =>
          call(item.PATCH, {
            actor: actors['canbo.doanket'],
            path: '/x',
            method: 'PATCH',
            body: { name: 'X' },
            params: { id: ids.binhLu }
          }),
        404,
        'NOT_FOUND'
      ],
      [
        'agency writes association',
        () =>
          call(collection.POST, {
            actor: actors.kiemlam,
            path: '/api/v1/organisations',
            method: 'POST',
            body: branch('Chi hội K')
          }),
        403,
        'FORBIDDEN'
      ],
      [
        'malformed JSON',
        () =>
          call(collection.POST, {
            actor: actors['canbo.tinh'],
            path: '/api/v1/organisations',
            method: 'POST',
            raw: '{"name":'
          }),
        400,
        'BAD_REQUEST'
      ],
      [
        'bad filter',
        () => call(collection.GET, { actor: actors['canbo.tinh'], path: '/api/v1/organisations?as_of=31/02/2025' }),
        400,
        'VALIDATION'
      ],
      [
        'unknown path',
        () => call(rest.fallback, { actor: actors['canbo.tinh'], path: '/api/v1/nothing-here' }),
        404,
        'NOT_FOUND'
      ]
    ];
    it.each(CASES)('%s → %i %s', async (_name, run, status, code) => {
      const res = await run();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(typeof res.body.error.message).toBe('string');
    });

    it('lists every invalid field with a localised message', async () => {
      const res = await call(collection.POST, {
        actor: actors['canbo.tinh'],
        path: '/api/v1/organisations',
        method: 'POST',
        body: { kind: 'association', type: 'nonsense', valid_from: '31/02/2025', phone: '12' }
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(Object.keys(res.body.error.fields)).toEqual(['type', 'name', 'admin_unit_id', 'valid_from', 'phone']);
      expect(res.body.error.fields.name).toBe('Vui lòng điền mục này.');
    });

    it('reports service rule failures on their field', async () => {
      const res = await call(collection.POST, {
        actor: actors['canbo.doanket'],
        path: '/api/v1/organisations',
        method: 'POST',
        body: { ...branch('Chi hội lạ'), parent_id: ids.binhLu }
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['parent_id']);
    });

    it('never discloses internals of unexpected failures', async () => {
      const res = errorResponse(new Error('SELECT secret FROM password_hash at /src/x.ts:1'));
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/secret|password|\.ts/);
      expect(JSON.parse(text).error.code).toBe('INTERNAL');
      expect(errorResponse(new AppError('CONFLICT')).status).toBe(409);
    });
  });

  describe('success', () => {
    it('creates, reads, patches and closes an organisation', async () => {
      const officer = actors['canbo.tinh'];
      const name = `Chi hội API ${Math.random().toString(36).slice(2, 7)}`;
      const created = await call(collection.POST, {
        actor: officer,
        path: '/api/v1/organisations',
        method: 'POST',
        body: branch(name)
      });
      expect(created.status).toBe(201);
      const org = organisationSchema.parse(created.body);
      expect(org).toMatchObject({
        name,
        kind: 'association',
        type: 'branch',
        valid_from: '2025-09-01',
        parent: { id: ids.doanKet }
      });
      const got = await call(item.GET, { actor: actors['canbo.doanket'], path: '/x', params: { id: org.id } });
      expect(got.body.id).toBe(org.id);
      const patched = await call(item.PATCH, {
        actor: officer,
        path: '/x',
        method: 'PATCH',
        body: { phone: '0912 000 999' },
        params: { id: org.id }
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name, phone: '0912000999' });
      const closed = await call(closing.POST, {
        actor: officer,
        path: '/x',
        method: 'POST',
        body: { valid_to: '2026-01-01' },
        params: { id: org.id }
      });
      expect(closed.body.valid_to).toBe('2026-01-01');
      const again = await call(closing.POST, {
        actor: officer,
        path: '/x',
        method: 'POST',
        body: { valid_to: '2026-02-01' },
        params: { id: org.id }
      });
      expect(again.status).toBe(409);
    });

    it('lists within scope with filters, in the documented shape', async () => {
      const res = await call(collection.GET, {
        actor: actors['canbo.doanket'],
        path: '/api/v1/organisations?q=ban%20mau&type=branch'
      });
      expect(res.status).toBe(200);
      const list = organisationListSchema.parse(res.body);
      expect(list.items.map((o) => o.name)).toContain('Chi hội NCT Bản Mẫu Một (demo)');
      expect(list.items.map((o) => o.name)).not.toContain('Chi hội NCT Bản Mẫu Ba (demo)');
    });
  });
});
