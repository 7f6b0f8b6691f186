/**
 * Open311 GeoReport v2 conformance: every endpoint in JSON and XML, errors included
 * (400/403/404 with [{code, description}]), ids as strings, filters and defaults, and no
 * identity in any answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { SYSTEM } from '../../src/lib/server/access/actor';
import { createKey, listKeys, revokeKey } from '../../src/lib/server/open311/keys.service';
import { handle, serialise, type Format } from '../../src/lib/server/open311/open311.http';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import type { Db } from '../../src/lib/server/db';

const BASE = 'http://test.local';
const FORMATS: Format[] = ['json', 'xml'];

async function call(db: Db, method: string, path: string, params: Record<string, string> = {}) {
  const { result, format } = await handle(db, { method, path, params, baseUrl: BASE });
  return { ...result, text: serialise(result, format).body };
}

const DOAN_KET = { lat: '22.4331', long: '103.4012' };
const BINH_LU = { lat: '22.3519', long: '103.6749' };

forEachDb('open311', (ctx) => {
  let key = '';
  let publicId = '';
  let privateId = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    key = (await createKey(ctx.db, SYSTEM, 'test client')).key;
    const post = (params: Record<string, string>) =>
      call(ctx.db, 'POST', 'requests.json', { api_key: key, service_code: 'do_rac', ...params });
    const a = await post({
      ...DOAN_KET,
      description: 'Đổ rác bừa bãi cạnh suối Nậm Lùm',
      first_name: 'Lò Văn',
      last_name: 'Bí Mật',
      email: 'bimat@example.vn',
      phone: '0987654321',
      media_url: 'https://example.org/p.jpg'
    });
    const b = await post({ ...BINH_LU, description: 'Rác chưa công khai' });
    publicId = (a.body as { service_request_id: string }[])[0].service_request_id;
    privateId = (b.body as { service_request_id: string }[])[0].service_request_id;
    await setPublic(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), publicId, true);
  });

  describe.each(FORMATS)('format %s', (fmt) => {
    it('discovery lists the v2 endpoint and both formats', async () => {
      const r = await call(ctx.db, 'GET', `discovery.${fmt}`);
      expect(r.status).toBe(200);
      expect(r.text).toContain('http://wiki.open311.org/GeoReport_v2');
      expect(r.text).toContain(`${BASE}/open311/v2`);
      if (fmt === 'xml')
        expect(r.text).toMatch(
          /<discovery>.*<endpoints><endpoint>.*<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/s
        );
      else expect(JSON.parse(r.text).endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    });

    it('services: categories with group and metadata', async () => {
      const r = await call(ctx.db, 'GET', `services.${fmt}`);
      expect(r.status).toBe(200);
      if (fmt === 'json') {
        const services = JSON.parse(r.text);
        const rac = services.find((s: { service_code: string }) => s.service_code === 'do_rac');
        expect(rac).toMatchObject({
          service_name: 'Đổ rác thải bừa bãi',
          group: 'Chất thải',
          metadata: true,
          type: 'realtime'
        });
        expect(services.length).toBe(18);
      } else {
        expect(r.text).toMatch(/<services><service><service_code>khai_thac_go<\/service_code>/);
        expect(r.text).toContain('<group>Chất thải</group>');
      }
    });

    it('service definition with the channel attribute; unknown code is 404', async () => {
      const r = await call(ctx.db, 'GET', `services/do_rac.${fmt}`);
      expect(r.status).toBe(200);
      if (fmt === 'json')
        expect(JSON.parse(r.text).attributes[0]).toMatchObject({
          code: 'channel',
          datatype: 'singlevaluelist',
          values: [{ key: 'phan_anh' }, { key: 'kien_nghi' }]
        });
      else
        expect(r.text).toMatch(
          /<service_definition><service_code>do_rac<\/service_code><attributes><attribute>.*<values><value><key>phan_anh<\/key>/s
        );
      const missing = await call(ctx.db, 'GET', `services/nope.${fmt}`);
      expect(missing.status).toBe(404);
      if (fmt === 'json')
        expect(JSON.parse(missing.text)).toEqual([{ code: 404, description: 'service_code not found' }]);
      else
        expect(missing.text).toContain(
          '<errors><error><code>404</code><description>service_code not found</description></error></errors>'
        );
    });

    it('POST creates a report and answers its id as a string', async () => {
      const r = await call(ctx.db, 'POST', `requests.${fmt}`, {
        api_key: key,
        service_code: 'chay_rung',
        address_string: 'Bản Mẫu Một, phường Đoan Ket',
        description: 'Khói trên đồi',
        'attribute[channel]': 'kien_nghi'
      });
      expect(r.status).toBe(200);
      if (fmt === 'json') expect(typeof JSON.parse(r.text)[0].service_request_id).toBe('string');
      else expect(r.text).toMatch(/<service_requests><request><service_request_id>[0-9a-f-]{36}<\/service_request_id>/);
      // The address names a commune (diacritics ignored): the report lands at that commune's Hội.
      const id =
        fmt === 'json' ? JSON.parse(r.text)[0].service_request_id : /<service_request_id>([^<]+)</.exec(r.text)![1];
      const row = await ctx.db
        .selectFrom('report as r')
        .innerJoin('admin_unit as u', 'u.id', 'r.commune_unit_id')
        .select(['u.code', 'r.commune_org_id', 'r.location_precision', 'r.location_text'])
        .where('r.id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        code: '03388',
        location_precision: 'commune',
        location_text: 'Bản Mẫu Một, phường Đoan Ket'
      });
      expect(row.commune_org_id).not.toBeNull();
    });

    it.each([
      ['no api_key', { service_code: 'do_rac', ...DOAN_KET, description: 'x' }, 403],
      ['wrong api_key', { api_key: 'o311_wrong', service_code: 'do_rac', ...DOAN_KET, description: 'x' }, 403],
      ['no service_code', { api_key: 'KEY', ...DOAN_KET, description: 'x' }, 400],
      ['unknown service_code', { api_key: 'KEY', service_code: 'nope', ...DOAN_KET, description: 'x' }, 404],
      ['no location', { api_key: 'KEY', service_code: 'do_rac', description: 'x' }, 400],
      [
        'named reporter without contact',
        { api_key: 'KEY', service_code: 'do_rac', ...DOAN_KET, description: 'x', first_name: 'Lò' },
        400
      ],
      ['bad phone', { api_key: 'KEY', service_code: 'do_rac', ...DOAN_KET, description: 'x', phone: 'call me' }, 400],
      ['bad latitude', { api_key: 'KEY', service_code: 'do_rac', lat: '99', long: '103', description: 'x' }, 400],
      ['no description', { api_key: 'KEY', service_code: 'do_rac', ...DOAN_KET }, 400],
      [
        'description over 4,000',
        { api_key: 'KEY', service_code: 'do_rac', ...DOAN_KET, description: 'a'.repeat(4001) },
        400
      ],
      [
        'tố cáo channel',
        { api_key: 'KEY', service_code: 'do_rac', ...DOAN_KET, description: 'x', 'attribute[channel]': 'to_cao' },
        400
      ],
      [
        'bad media_url',
        { api_key: 'KEY', service_code: 'do_rac', ...DOAN_KET, description: 'x', media_url: 'javascript:alert(1)' },
        400
      ],
      [
        'other jurisdiction',
        { api_key: 'KEY', jurisdiction_id: '01', service_code: 'do_rac', ...DOAN_KET, description: 'x' },
        404
      ]
    ])('POST with %s → error', async (_, raw, status) => {
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === 'KEY' ? key : v]));
      const r = await call(ctx.db, 'POST', `requests.${fmt}`, params);
      expect(r.status).toBe(status);
      if (fmt === 'json') expect(JSON.parse(r.text)).toEqual([{ code: status, description: expect.any(String) }]);
      else
        expect(r.text).toMatch(
          new RegExp(
            `^<\\?xml[^>]*>\\n<errors><error><code>${status}</code><description>[^<]+</description></error></errors>$`
          )
        );
    });

    it('GET requests lists published reports only, public-safe', async () => {
      const r = await call(ctx.db, 'GET', `requests.${fmt}`, { jurisdiction_id: '12' });
      expect(r.status).toBe(200);
      expect(r.text).toContain(publicId);
      expect(r.text).not.toContain(privateId);
      for (const secret of ['Bí Mật', 'bimat@example.vn', '0987654321', 'example.org', '22.4331', '103.4012'])
        expect(r.text).not.toContain(secret);
      if (fmt === 'json') {
        const [req] = JSON.parse(r.text);
        expect(req).toMatchObject({
          service_request_id: publicId,
          status: 'open',
          service_code: 'do_rac',
          address: 'Đoàn Kết'
        });
        expect(Math.abs(req.lat - 22.4331)).toBeLessThan(0.005);
        expect(req.lat).not.toBe(22.4331);
      }
    });

    it('GET requests filters: service_code, status, dates; bad values are 400', async () => {
      const byCode = await call(ctx.db, 'GET', `requests.${fmt}`, { service_code: 'chay_rung' });
      expect(byCode.text).not.toContain(publicId);
      expect((await call(ctx.db, 'GET', `requests.${fmt}`, { status: 'closed' })).text).not.toContain(publicId);
      expect(
        (await call(ctx.db, 'GET', `requests.${fmt}`, { status: 'open', service_code: 'do_rac,khac' })).text
      ).toContain(publicId);
      expect((await call(ctx.db, 'GET', `requests.${fmt}`, { end_date: '2020-01-01T00:00:00Z' })).text).not.toContain(
        publicId
      );
      expect(
        (await call(ctx.db, 'GET', `requests.${fmt}`, { start_date: '2020-01-01T00:00:00+07:00' })).text
      ).toContain(publicId);
      expect((await call(ctx.db, 'GET', `requests.${fmt}`, { status: 'pending' })).status).toBe(400);
      expect((await call(ctx.db, 'GET', `requests.${fmt}`, { start_date: 'yesterday' })).status).toBe(400);
    });

    it('service_request_id overrides every other filter; unpublished ones show status only, to key holders', async () => {
      const r = await call(ctx.db, 'GET', `requests.${fmt}`, {
        service_request_id: `${publicId},${privateId}`,
        service_code: 'khac',
        status: 'closed',
        api_key: key
      });
      expect(r.status).toBe(200);
      expect(r.text).toContain(publicId);
      expect(r.text).toContain(privateId);
      expect(r.text).not.toContain('Rác chưa công khai');
      expect(r.text).not.toContain('22.3519');
    });

    it('tells an anonymous client nothing about an unpublished report', async () => {
      const one = await call(ctx.db, 'GET', `requests/${privateId}.${fmt}`);
      expect(one.status).toBe(404);
      expect(one.text).not.toContain('do_rac');
      const many = await call(ctx.db, 'GET', `requests.${fmt}`, { service_request_id: `${publicId},${privateId}` });
      expect(many.text).toContain(publicId);
      expect(many.text).not.toContain(privateId);
      expect((await call(ctx.db, 'GET', `requests/${privateId}.${fmt}`, { api_key: 'cs_wrong' })).status).toBe(404);
    });

    it('GET one request, extensions add internal status and public updates; 404 otherwise', async () => {
      const r = await call(ctx.db, 'GET', `requests/${publicId}.${fmt}`, { extensions: 'true' });
      expect(r.status).toBe(200);
      if (fmt === 'json')
        expect(JSON.parse(r.text)[0].extended_attributes).toMatchObject({
          status: 'new',
          updates: [{ status: 'new' }]
        });
      else expect(r.text).toMatch(/<extended_attributes><status>new<\/status><updates><update>/);
      expect((await call(ctx.db, 'GET', `requests/${publicId}.${fmt}`)).text).not.toContain('extended_attributes');
      const missing = await call(ctx.db, 'GET', `requests/00000000-0000-0000-0000-000000000000.${fmt}`);
      expect(missing.status).toBe(404);
      expect((await call(ctx.db, 'GET', `requests.${fmt}`, { jurisdiction_id: '99' })).status).toBe(404);
    });
  });

  it.each([
    ['no location', { service_code: 'do_rac', description: 'x' }, /^location required/],
    [
      'empty description',
      { service_code: 'do_rac', ...DOAN_KET, description: ' ' },
      /^description was not provided \(it may be left out when media_url is sent\)$/
    ],
    [
      'long description',
      { service_code: 'do_rac', ...DOAN_KET, description: 'a'.repeat(4001) },
      /^description is too long$/
    ],
    [
      'bad latitude',
      { service_code: 'do_rac', lat: '99', long: '103', description: 'x' },
      /^lat and long must be WGS84/
    ],
    [
      'name without contact',
      { service_code: 'do_rac', ...DOAN_KET, description: 'x', last_name: 'Lò' },
      /^a named reporter needs a phone or email$/
    ],
    ['bad email', { service_code: 'do_rac', ...DOAN_KET, description: 'x', email: 'nope' }, /^email is invalid/]
  ])('createReport validation maps to a readable Open311 400: %s', async (_, params, description) => {
    const r = await call(ctx.db, 'POST', 'requests.json', { api_key: key, ...params });
    expect(r.status).toBe(400);
    expect((r.body as { description: string }[])[0].description).toMatch(description);
  });

  it('an unknown format or path is 404', async () => {
    expect((await call(ctx.db, 'GET', 'services.html')).status).toBe(404);
    expect((await call(ctx.db, 'GET', 'nothing.json')).status).toBe(404);
  });

  it('named or e-mailed reporters become confidential; the identity is stored encrypted only', async () => {
    const report = await ctx.db.selectFrom('report').selectAll().where('id', '=', publicId).executeTakeFirstOrThrow();
    expect(report.protection).toBe('confidential');
    expect(JSON.stringify(report)).not.toContain('Bí Mật');
    const identity = await ctx.db
      .selectFrom('report_identity')
      .selectAll()
      .where('report_id', '=', publicId)
      .executeTakeFirstOrThrow();
    expect(identity.ciphertext).not.toContain('bimat');
    const anonymous = await ctx.db
      .selectFrom('report')
      .select('protection')
      .where('id', '=', privateId)
      .executeTakeFirstOrThrow();
    expect(anonymous.protection).toBe('anonymous');
    expect(
      await ctx.db
        .selectFrom('report_identity')
        .select('report_id')
        .where('report_id', '=', privateId)
        .executeTakeFirst()
    ).toBeUndefined();
    // The client's photo is kept as a link for the officer, never fetched.
    expect(report.media_url).toBe('https://example.org/p.jpg');
  });

  it('keys: stored as hashes, listed, revoked keys are refused', async () => {
    const admin = await actorFor(ctx.db, 'quantri');
    const { id, key: raw } = await createKey(ctx.db, admin, 'revocable');
    const row = await ctx.db
      .selectFrom('open311_api_key')
      .select('key_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(raw);
    expect((await listKeys(ctx.db, admin)).map((k) => k.name)).toContain('revocable');
    await revokeKey(ctx.db, admin, id);
    const r = await call(ctx.db, 'POST', 'requests.json', {
      api_key: raw,
      service_code: 'do_rac',
      ...DOAN_KET,
      description: 'x'
    });
    expect(r.status).toBe(403);
    await expect(createKey(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), 'x')).rejects.toMatchObject({
      code: 'FORBIDDEN'
    });
  });
});
