/**
 * Public list/map and exports: only published reports, rounded positions, no identity; the
 * exports stay inside the officer's scope and never carry identities or private positions.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { useTempMedia } from './reports-intake-support';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { ANONYMOUS, SYSTEM } from '../../src/lib/server/access/actor';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { todayVn } from '../../src/lib/shared/format';
import {
  approvePhoto,
  listPublicReports,
  communeBackground,
  mapMarkers,
  publicPhoto,
  publishingView,
  setPublic,
  setPublicText
} from '../../src/lib/server/reports/public/public.service';
import { exportCsv, exportPublicGeoJson, exportXlsx } from '../../src/lib/server/reports/public/export.service';
import { reportQuerySchema } from '../../src/lib/server/reports/public/public.schema';
import type { Db } from '../../src/lib/server/db';

const query = (q: Partial<Record<string, string>> = {}) => reportQuerySchema.parse(q);
const SECRET = { name: 'Giàng A Bí', email: 'giang@example.vn', phone: '0911222333' };
const EXACT = { lat: 22.43317, lon: 103.40123 };

async function report(
  db: Db,
  code: string,
  lat: number,
  lon: number,
  description: string,
  identity: typeof SECRET | null = null
) {
  const cat = await db.selectFrom('category').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
  const r = await createReport(db, SYSTEM, {
    channel: 'phan_anh',
    category_id: cat.id,
    description,
    observed_on: todayVn(),
    lat: String(lat),
    lon: String(lon),
    location_source: 'gps',
    location_text: 'Nhà ông Giàng A Bí',
    protection: identity ? 'confidential' : 'anonymous',
    ...(identity ?? {})
  });
  return r.reportId;
}

forEachDb('public reports and exports', (ctx) => {
  const ids = {} as Record<'dkPublic' | 'dkPrivate' | 'blPublic', string>;
  let photoId = '';
  let mediaRoot = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    ids.dkPublic = await report(ctx.db, 'do_rac', EXACT.lat, EXACT.lon, 'Đổ rác cạnh Suối Nậm Lùm', SECRET);
    ids.dkPrivate = await report(ctx.db, 'dot_rac', 22.4301, 103.4051, 'Đốt rác chưa công khai');
    ids.blPublic = await report(ctx.db, 'khai_thac_go', 22.3519, 103.6749, 'Chặt gỗ trên đồi Bình Lư');
    const doanKet = await actorFor(ctx.db, 'canbo.doanket');
    await setPublic(ctx.db, doanKet, ids.dkPublic, true);
    await setPublic(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), ids.blPublic, true);
    photoId = crypto.randomUUID();
    const root = (mediaRoot = useTempMedia());
    mkdirSync(path.join(root, 'public'), { recursive: true });
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(root, 'public/x.jpg'), jpeg);
    await ctx.db
      .insertInto('attachment')
      .values({
        id: photoId,
        report_id: ids.dkPublic,
        kind: 'photo',
        private_path: 'private/x.jpg',
        public_path: 'public/x.jpg',
        sha256: 'ab',
        mime: 'image/png',
        bytes: 10,
        created_at: new Date().toISOString()
      })
      .execute();
  });

  it('lists only published reports, newest first, with the rounded position and no identity', async () => {
    const { reports, total } = await listPublicReports(ctx.db, query());
    expect(total).toBe(2);
    expect(reports.map((r) => r.id)).toEqual([ids.blPublic, ids.dkPublic]);
    const dk = reports.find((r) => r.id === ids.dkPublic)!;
    expect(dk.lat).not.toBe(EXACT.lat);
    expect(Math.abs(dk.lat! - EXACT.lat)).toBeLessThan(0.005);
    const text = JSON.stringify(reports);
    for (const secret of [SECRET.name, SECRET.email, SECRET.phone, 'Nhà ông', String(EXACT.lat), String(EXACT.lon)])
      expect(text).not.toContain(secret);
  });

  it.each([
    [{ q: 'suoi nam lum' }, ['dkPublic']],
    [{ q: 'BÌNH LƯ' }, ['blPublic']],
    [{ category: 'khai_thac_go' }, ['blPublic']],
    [{ status: 'closed' }, []],
    [{ status: 'handled' }, []],
    [{ status: 'received' }, ['dkPublic', 'blPublic']],
    [{ status: 'not_accepted' }, []],
    [{ from: '01/01/2020', to: '31/12/2020' }, []],
    [{ q: 'chưa công khai' }, []]
  ] as const)('filters %o', async (q, expected) => {
    const { reports } = await listPublicReports(ctx.db, query(q));
    expect(reports.map((r) => r.id).sort()).toEqual(expected.map((k) => ids[k]).sort());
  });

  it('pages the list: the page number is clamped to the last page', async () => {
    const second = await listPublicReports(ctx.db, query({ page: '2' }), 1);
    expect(second).toMatchObject({ total: 2, page: 2, pages: 2 });
    expect(second.reports.map((r) => r.id)).toEqual([ids.dkPublic]);
    expect((await listPublicReports(ctx.db, query({ page: '9' }), 1)).page).toBe(2);
  });

  it('filters by commune', async () => {
    const unit = await ctx.db
      .selectFrom('report')
      .select('commune_unit_id')
      .where('id', '=', ids.blPublic)
      .executeTakeFirstOrThrow();
    const { reports } = await listPublicReports(ctx.db, query({ commune: unit.commune_unit_id! }));
    expect(reports.map((r) => r.id)).toEqual([ids.blPublic]);
  });

  it('photos appear only once approved, and only for published reports', async () => {
    expect((await listPublicReports(ctx.db, query({ q: 'suoi' }))).reports[0].photos).toEqual([]);
    await expect(publicPhoto(ctx.db, photoId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await approvePhoto(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), photoId, true);
    expect((await listPublicReports(ctx.db, query({ q: 'suoi' }))).reports[0].photos).toEqual([
      `/reports-public/photo/${photoId}`
    ]);
    const served = await publicPhoto(ctx.db, photoId);
    expect(served.mime).toBe('image/jpeg'); // the re-encoded copy, whatever the original was
    expect((await sharp(served.body).metadata()).width).toBe(800);
  });

  it('a public photo’s thumbnail is 320 px, made once and then read from its cached file', async () => {
    const thumb = await publicPhoto(ctx.db, photoId, { thumb: true });
    expect(thumb.mime).toBe('image/jpeg');
    expect(await sharp(thumb.body).metadata()).toMatchObject({ width: 320, height: 240 });
    const cached = path.join(mediaRoot, 'public/x.thumb.jpg');
    expect(existsSync(cached)).toBe(true);
    writeFileSync(cached, Buffer.from('cached'));
    expect((await publicPhoto(ctx.db, photoId, { thumb: true })).body.toString()).toBe('cached');
    rmSync(cached);
  });

  it('publishing is scoped: another commune officer gets NOT_FOUND, others FORBIDDEN', async () => {
    await expect(setPublic(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), ids.dkPrivate, true)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(approvePhoto(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), photoId, false)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(setPublic(ctx.db, await actorFor(ctx.db, 'kiemlam'), ids.dkPrivate, true)).rejects.toMatchObject({
      code: 'FORBIDDEN'
    });
    await expect(setPublic(ctx.db, ANONYMOUS, ids.dkPrivate, true)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('map markers are rounded dots without text or photos; the outlines come apart', async () => {
    const markers = await mapMarkers(ctx.db, query());
    expect(markers).toHaveLength(2);
    expect(Object.keys(markers[0]).sort()).toEqual(
      ['categoryEn', 'categoryVi', 'communeName', 'id', 'lat', 'lon', 'status'].sort()
    );
    expect(markers.some((r) => r.lat === EXACT.lat)).toBe(false);
    expect(await mapMarkers(ctx.db, query({ category: 'do_rac' }))).toHaveLength(1);
    const background = await communeBackground(ctx.db);
    expect(background.communes.length).toBeGreaterThan(30);
    expect(JSON.stringify([markers, background])).not.toContain(SECRET.name);
  });

  it('CSV: BOM, Vietnamese headers, dd/mm/yyyy, only the officer’s commune, no identity', async () => {
    const csv = await exportCsv(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), query());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['Mã', 'Ngày gửi', 'Ngày phát hiện']);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Chặt gỗ trên đồi Bình Lư');
    expect(lines[1]).toMatch(/,\d{2}\/\d{2}\/\d{4},/);
    expect(csv).not.toContain('Đổ rác');
  });

  it('XLSX opens in exceljs: bold Times New Roman header, every row in the font, no private data', async () => {
    const buf = await exportXlsx(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), query());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('Mã');
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(ws.rowCount).toBe(3); // header + two Đoàn Kết reports
    const text: string[] = [];
    ws.eachRow((row, n) => {
      expect(row.getCell(2).font?.name).toBe('Times New Roman');
      if (n > 1) {
        expect(row.getCell(2).value).toBeInstanceOf(Date); // a real Excel date…
        expect(row.getCell(2).numFmt).toBe('dd/mm/yyyy'); // …shown as Vietnamese users read it
      }
      row.eachCell((c) => text.push(String(c.value)));
    });
    const all = text.join('|');
    expect(all).not.toContain('Bình Lư');
    for (const secret of [SECRET.name, SECRET.email, SECRET.phone, 'Nhà ông', String(EXACT.lat)])
      expect(all).not.toContain(secret);
  });

  it('exports need the export action; agencies see nothing until a report reaches them', async () => {
    await expect(exportCsv(ctx.db, ANONYMOUS, query())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(exportCsv(ctx.db, await actorFor(ctx.db, 'chihoi.truong'), query())).rejects.toMatchObject({
      code: 'FORBIDDEN'
    });
    const csv = await exportCsv(ctx.db, await actorFor(ctx.db, 'kiemlam'), query());
    expect(csv.trim().split('\r\n')).toHaveLength(1);
  });

  it('GeoJSON of published reports: [lon, lat] points, rounded', async () => {
    const geo = await exportPublicGeoJson(ctx.db, query());
    expect(geo.features.map((f) => f.id).sort()).toEqual([ids.dkPublic, ids.blPublic].sort());
    const dk = geo.features.find((f) => f.id === ids.dkPublic)!;
    expect(dk.geometry.coordinates[0]).toBeGreaterThan(100);
    expect(dk.geometry.coordinates).not.toEqual([EXACT.lon, EXACT.lat]);
    expect(JSON.stringify(geo)).not.toContain(SECRET.name);
  });

  it('the publish page previews exactly what the public sees: text, rounded point, approved photos', async () => {
    const view = await publishingView(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), ids.dkPublic);
    expect(view.publicText).toBe('Đổ rác cạnh Suối Nậm Lùm');
    expect(view.point!.lat).not.toBe(EXACT.lat);
    expect(Math.abs(view.point!.lat - EXACT.lat)).toBeLessThan(0.005);
    expect(view.photos.map((p) => p.id)).toEqual([photoId]);
    expect(view.photos[0].thumbUrl).toBe(`/attachments/${photoId}?size=thumb`);
    const unpublished = await publishingView(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), ids.dkPrivate);
    expect(unpublished.point).not.toBeNull(); // where it would appear once published
  });

  it('redacting the public text changes the list, the search and the GeoJSON, never the original', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    await setPublicText(ctx.db, officer, ids.dkPublic, 'Đổ rác cạnh suối [đã lược bớt]');
    const listed = (await listPublicReports(ctx.db, query({ q: 'luoc bot' }))).reports;
    expect(listed.map((r) => [r.id, r.description])).toEqual([[ids.dkPublic, 'Đổ rác cạnh suối [đã lược bớt]']]);
    expect((await listPublicReports(ctx.db, query({ q: 'nam lum' }))).reports).toEqual([]);
    const geo = await exportPublicGeoJson(ctx.db, query());
    expect(JSON.stringify(geo)).not.toContain('Nậm Lùm');
    const row = await ctx.db
      .selectFrom('report')
      .select('description')
      .where('id', '=', ids.dkPublic)
      .executeTakeFirstOrThrow();
    expect(row.description).toBe('Đổ rác cạnh Suối Nậm Lùm');
    expect((await publishingView(ctx.db, officer, ids.dkPublic)).redacted).toBe(true);
    // Sending the original text back (or nothing) means "as written" again.
    await setPublicText(ctx.db, officer, ids.dkPublic, '');
    expect((await listPublicReports(ctx.db, query({ q: 'nam lum' }))).reports.map((r) => r.id)).toEqual([ids.dkPublic]);
    await expect(
      setPublicText(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), ids.dkPublic, 'x')
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('withdrawing publication hides the report again', async () => {
    await setPublic(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), ids.blPublic, false);
    expect((await listPublicReports(ctx.db, query())).reports.map((r) => r.id)).toEqual([ids.dkPublic]);
  });
});
