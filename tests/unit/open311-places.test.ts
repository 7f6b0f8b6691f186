/**
 * Places as real clients send them: Open311 posts with only a media_url, with a free-text
 * address that names no commune (province queue, "chưa xác định xã", then placed by an
 * officer), and points outside every covered commune (refused, on Open311 and the web form
 * alike, with and without commune polygons).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId } from '../support/demo';
import { ANONYMOUS, SYSTEM, type Actor } from '../../src/lib/server/access/actor';
import { createKey } from '../../src/lib/server/open311/keys.service';
import { handle } from '../../src/lib/server/open311/open311.http';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { placeOptions, placeReport } from '../../src/lib/server/reports/workflow/place.service';
import { placeSchema } from '../../src/lib/server/reports/workflow/place.schema';
import { listQueue } from '../../src/lib/server/reports/workflow/queue.service';
import { officerReport } from '../../src/lib/server/reports/workflow/view.service';
import { baseInput, refusedFields, setup, type Fixture } from './reports-intake-support';
import type { Db } from '../../src/lib/server/db';

const BASE = 'http://test.local';
const DOAN_KET = { lat: '22.4331', long: '103.4012' };
const HA_NOI = { lat: '21.0285', long: '105.8542' };

async function post(db: Db, params: Record<string, string>) {
  const { result } = await handle(db, { method: 'POST', path: 'requests.json', params, baseUrl: BASE });
  return result as {
    status: number;
    body: { service_request_id?: string; description?: string; service_notice?: string | null }[];
  };
}

const reportRow = (db: Db, id: string) =>
  db
    .selectFrom('report as r')
    .leftJoin('admin_unit as u', 'u.id', 'r.commune_unit_id')
    .select([
      'u.code',
      'r.commune_org_id',
      'r.village_unit_id',
      'r.location_precision',
      'r.location_text',
      'r.media_url',
      'r.description',
      'r.lat'
    ])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();

// [case, params, status, description (or the stored place for 200)]
const POSTS: [string, Record<string, string>, number, RegExp | Record<string, unknown>][] = [
  [
    'media_url without description',
    { ...DOAN_KET, media_url: 'https://example.org/anh.jpg' },
    200,
    { code: '03388', media_url: 'https://example.org/anh.jpg', description: '' }
  ],
  [
    'address naming no commune',
    { address_string: 'Gần cầu treo, bản Nà Khum', description: 'Đổ rác xuống suối' },
    200,
    { code: null, location_precision: 'address', location_text: 'Gần cầu treo, bản Nà Khum' }
  ],
  [
    'address naming a commune',
    { address_string: 'Tổ 5, phường Đoàn Kết', description: 'x' },
    200,
    { code: '03388', location_precision: 'commune' }
  ],
  ['point in the province', { ...DOAN_KET, description: 'x' }, 200, { code: '03388', location_precision: 'gps' }],
  ['point in Hà Nội', { ...HA_NOI, description: 'x' }, 400, /^lat\/long lies outside every commune/],
  ['point (0, 0)', { lat: '0', long: '0', description: 'x' }, 400, /^lat\/long lies outside every commune/],
  [
    'point outside, with an address',
    { ...HA_NOI, address_string: 'Bản Nà Khum', description: 'x' },
    400,
    /^lat\/long lies outside/
  ],
  ['no location at all', { description: 'x' }, 400, /^location required/],
  ['no description, no media', { ...DOAN_KET }, 400, /^description was not provided/],
  ['media_url not http', { ...DOAN_KET, media_url: 'ftp://example.org/a.jpg' }, 400, /^media_url must be/],
  ['address over 300', { address_string: 'a'.repeat(301), description: 'x' }, 400, /^address_string is too long$/]
];

// [case, form input, field, message key]
const PLACE_INVALID: [string, Record<string, string>, string, string][] = [
  ['no commune', { commune_id: '' }, 'commune_id', 'o311_err_commune'],
  ['not an id', { commune_id: 'Đoàn Kết' }, 'commune_id', 'o311_err_commune'],
  ['unknown commune', { commune_id: '00000000-0000-4000-8000-000000000000' }, 'commune_id', 'o311_err_commune'],
  [
    'village of another commune',
    { commune_id: 'OTHER', village_id: 'VILLAGE' },
    'village_id',
    'ri_err_village_commune'
  ],
  ['latitude without longitude', { commune_id: 'COMMUNE', lat: '22.4' }, 'lon', 'ri_err_coords'],
  ['latitude out of range', { commune_id: 'COMMUNE', lat: '95', lon: '103' }, 'lat', 'ri_err_coords'],
  ['point in Hà Nội', { commune_id: 'COMMUNE', lat: '21,0285', lon: '105,8542' }, 'lat', 'o311_err_outside']
];

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; details?: { fields?: Record<string, string> } };
    if (err.code === 'VALIDATION') return err.details?.fields ?? {};
    throw e;
  }
  return {};
}

forEachDb('open311 places', (ctx) => {
  let key = '';
  let f: Fixture;
  let province: Actor;
  let doanKet: Actor;
  let hoiTinh = '';

  beforeAll(async () => {
    f = await setup(ctx.db);
    key = (await createKey(ctx.db, SYSTEM, 'places client')).key;
    province = await actorFor(ctx.db, 'canbo.tinh');
    doanKet = await actorFor(ctx.db, 'canbo.doanket');
    hoiTinh = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
  });

  it.each(POSTS)('Open311 POST, %s', async (_, params, status, expected) => {
    const r = await post(ctx.db, { api_key: key, service_code: 'do_rac', ...params });
    expect(r.status).toBe(status);
    if (expected instanceof RegExp) {
      expect(r.body).toEqual([{ code: status, description: expect.stringMatching(expected) }]);
      return;
    }
    const row = await reportRow(ctx.db, r.body[0].service_request_id!);
    expect(row).toMatchObject(expected);
    if (row.location_precision === 'address') expect(row.commune_org_id).toBe(hoiTinh);
    // Only the unplaced one tells the client's user a person will still place it.
    const notice = r.body[0].service_notice;
    if (row.location_precision === 'address') expect(notice).toMatch(/^No commune could be derived/);
    else expect(notice).toBeNull();
  });

  it('the web form refuses a point outside the province and still needs a commune', async () => {
    const outside = baseInput(f, { commune_id: '', lat: '21.0285', lon: '105.8542', location_source: 'pin' });
    expect(await refusedFields(createReport(ctx.db, ANONYMOUS, outside))).toEqual({ lat: 'o311_err_outside' });
    const addressOnly = baseInput(f, { commune_id: '', location_text: 'Gần cầu treo' });
    expect(await refusedFields(createReport(ctx.db, ANONYMOUS, addressOnly))).toEqual({
      commune_id: 'ri_err_location_required'
    });
  });

  describe('an address-only report, placed by the province officer', () => {
    let id = '';

    beforeAll(async () => {
      const r = await post(ctx.db, {
        api_key: key,
        service_code: 'khai_thac_go',
        address_string: 'Đồi thông sau trường, bản Nà Khum',
        description: 'Chặt cây đêm qua'
      });
      id = r.body[0].service_request_id!;
    });

    it('waits in the province queue marked unplaced, out of the commune officers’ sight', async () => {
      const mine = await listQueue(ctx.db, province, 'open');
      expect(mine.items.find((i) => i.id === id)).toMatchObject({ unplaced: true });
      const theirs = await listQueue(ctx.db, doanKet, 'open');
      expect(theirs.items.map((i) => i.id)).not.toContain(id);
      const onlyUnplaced = await listQueue(
        ctx.db,
        province,
        'open',
        new Date(),
        new URLSearchParams('commune=unplaced')
      );
      expect(onlyUnplaced.unplacedChoice).toBe(true);
      expect(onlyUnplaced.items.map((i) => i.id)).toContain(id);
      expect(onlyUnplaced.items.every((i) => i.unplaced)).toBe(true);
      expect(mine.items.some((i) => !i.unplaced)).toBe(true);
      await expect(officerReport(ctx.db, doanKet, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        placeReport(ctx.db, doanKet, id, placeSchema.parse({ commune_id: f.commune }))
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('tells an anonymous Open311 client nothing about it', async () => {
      const { result } = await handle(ctx.db, {
        method: 'GET',
        path: `requests/${id}.json`,
        params: {},
        baseUrl: BASE
      });
      expect(result.status).toBe(404);
    });

    it.each(PLACE_INVALID)('refuses a place with %s', async (_, raw, field, message) => {
      const swap = (v: string) =>
        v === 'COMMUNE' ? f.commune : v === 'OTHER' ? f.otherCommune : v === 'VILLAGE' ? f.village : v;
      const input = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, swap(v)]));
      const parsed = placeSchema.safeParse(input);
      const fields = parsed.success
        ? await refusal(placeReport(ctx.db, province, id, parsed.data))
        : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      expect(fields).toEqual({ [field]: message });
      expect((await reportRow(ctx.db, id)).code).toBeNull();
    });

    it('lists the villages of the chosen commune only', async () => {
      const none = await placeOptions(ctx.db, province, id, null);
      expect(none?.villages).toEqual([]);
      expect(none?.communes.map((c) => c.value)).toContain(f.commune);
      const chosen = await placeOptions(ctx.db, province, id, f.commune);
      expect(chosen?.villages.map((v) => v.value)).toContain(f.village);
      expect(await placeOptions(ctx.db, province, id, f.otherCommune)).toMatchObject({ communeId: f.otherCommune });
    });

    it('places it: the commune’s queue, audited, told to the commune officers; never twice', async () => {
      await placeReport(
        ctx.db,
        province,
        id,
        placeSchema.parse({ commune_id: f.commune, village_id: f.village, lat: '22,4331', lon: '103,4012' })
      );
      expect(await reportRow(ctx.db, id)).toMatchObject({
        code: '03388',
        commune_org_id: f.hoi,
        village_unit_id: f.village,
        location_precision: 'pin',
        lat: 22.4331,
        location_text: 'Đồi thông sau trường, bản Nà Khum'
      });
      const audit = await ctx.db
        .selectFrom('audit_event')
        .select(['action', 'actor_account_id'])
        .where('entity_id', '=', id)
        .where('action', '=', 'report.place')
        .execute();
      expect(audit).toEqual([{ action: 'report.place', actor_account_id: province.accountId }]);
      const theirs = await listQueue(ctx.db, doanKet, 'open');
      expect(theirs.items.find((i) => i.id === id)).toMatchObject({ unplaced: false });
      const view = await officerReport(ctx.db, doanKet, id);
      expect(view.timeline.map((e) => e.kind)).toContain('place');
      const inbox = await ctx.db
        .selectFrom('inbox_item')
        .select('kind')
        .where('report_id', '=', id)
        .where('account_id', '=', doanKet.accountId)
        .execute();
      expect(inbox).toEqual([{ kind: 'new_report' }]);
      expect(await placeOptions(ctx.db, province, id, null)).toBeNull();
      await expect(
        placeReport(ctx.db, province, id, placeSchema.parse({ commune_id: f.commune }))
      ).rejects.toMatchObject({ code: 'CONFLICT', message: 'o311_err_placed' });
    });
  });
});

forEachDb('open311 places with commune polygons', (ctx) => {
  let f: Fixture;
  // A square of ±0.05° around the centre of Đoàn Kết: the only commune with a polygon.
  const square = (lat: number, lon: number, d = 0.05) => ({
    type: 'Polygon',
    coordinates: [
      [
        [lon - d, lat - d],
        [lon + d, lat - d],
        [lon + d, lat + d],
        [lon - d, lat + d],
        [lon - d, lat - d]
      ]
    ]
  });

  beforeAll(async () => {
    f = await setup(ctx.db);
    await ctx.db
      .insertInto('unit_geometry')
      .values({
        unit_id: f.commune,
        geojson: JSON.stringify(square(22.4331, 103.4012)),
        min_lon: 103.3512,
        min_lat: 22.3831,
        max_lon: 103.4512,
        max_lat: 22.4831,
        source: 'test'
      })
      .execute();
  });

  // [case, lat, lon, commune code or the refusal]
  const POINTS: [string, string, string, string][] = [
    ['inside the polygon', '22.44', '103.41', '03388'],
    ['near another centre, but in no polygon', '22.3519', '103.6749', 'o311_err_outside'],
    ['in Hà Nội', '21.0285', '105.8542', 'o311_err_outside']
  ];

  it.each(POINTS)('a point %s', async (_, lat, lon, expected) => {
    const input = baseInput(f, { commune_id: '', lat, lon, location_source: 'gps' });
    if (expected.startsWith('o311_')) {
      expect(await refusedFields(createReport(ctx.db, ANONYMOUS, input))).toEqual({ lat: expected });
      return;
    }
    const r = await createReport(ctx.db, ANONYMOUS, input);
    expect((await reportRow(ctx.db, r.reportId)).code).toBe(expected);
  });
});
