/**
 * Activity pages' services on both databases: one-time keys, scope (404), photos, filters,
 * and the CSV/XLSX exports.
 */
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { useTempMedia } from './reports-intake-support';
import * as pages from '../../src/lib/server/program/activities/activity-page.service';
import { openProgramMedia } from '../../src/lib/server/program/activities/activity-media.service';
import { activityQuerySchema } from '../../src/lib/server/program/activities/activity-filter';
import { activityTable, toCsv, toXlsx } from '../../src/lib/server/program/activities/export-program.service';
import type { Actor } from '../../src/lib/server/access/actor';
import type { ActivityInput } from '../../src/lib/server/program/activities/activity.schema';
import { demoIds, photoWithExif, quickForm, readActivityForm } from './program-activity-support';

const noFilter = activityQuerySchema.parse({});

async function input(fields: Record<string, string | string[]>): Promise<ActivityInput> {
  const f = readActivityForm(quickForm(fields));
  if (!f.parsed.ok) throw new Error(JSON.stringify(f.parsed.errors));
  return f.parsed.data;
}

forEachDb('program activity pages', (ctx) => {
  const who: Record<string, Actor> = {};
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    useTempMedia();
    await seedDemo(ctx.db);
    for (const u of ['chihoi.truong', 'canbo.doanket', 'canbo.binhlu']) who[u] = await actorFor(ctx.db, u);
    ids = await demoIds(ctx.db);
  });
  const base = () => ({ organisation_id: ids.branch1, admin_unit_id: ids.village1 });

  it('a retried or double-clicked submission makes one activity', async () => {
    const a = await input({ ...base(), notes: 'Họp bản tháng này' });
    const key = 'k'.repeat(20) + Date.now();
    const first = await pages.submitActivity(ctx.db, who['chihoi.truong'], a, [], key);
    const again = await pages.submitActivity(ctx.db, who['chihoi.truong'], a, [], key);
    expect(again).toEqual({ id: first.id, created: false });
    const racing = 'r'.repeat(20) + Date.now();
    const [x, y] = await Promise.all(
      [1, 2].map(() => pages.submitActivity(ctx.db, who['chihoi.truong'], a, [], racing))
    );
    expect(x.id).toBe(y.id);
    const rows = await pages.findActivities(ctx.db, who['chihoi.truong'], noFilter, 1000, 0);
    expect(rows.filter((r) => r.notes === 'Họp bản tháng này')).toHaveLength(2);
  });

  it('a refused submission frees its key for the corrected form', async () => {
    const key = 'f'.repeat(20) + Date.now();
    await expect(
      pages.submitActivity(
        ctx.db,
        who['chihoi.truong'],
        await input({ ...base(), admin_unit_id: ids.village3 }),
        [],
        key
      )
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'pa_err_place' });
    const ok = await pages.submitActivity(ctx.db, who['chihoi.truong'], await input(base()), [], key);
    expect(ok.created).toBe(true);
  });

  it('answers 404 outside the subtree, for the record, its edit, delete and photos', async () => {
    const photo = await photoWithExif();
    const { id } = await pages.submitActivity(
      ctx.db,
      who['chihoi.truong'],
      await input({ ...base(), notes: 'có ảnh' }),
      [{ data: photo, type: 'image/jpeg' }],
      null
    );
    const other = who['canbo.binhlu'];
    await expect(pages.activityView(ctx.db, other, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(pages.removeActivity(ctx.db, other, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(pages.editActivity(ctx.db, other, id, await input(base()), [], [])).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    const view = await pages.activityView(ctx.db, who['canbo.doanket'], id);
    expect(view.photos).toHaveLength(1);
    await expect(openProgramMedia(ctx.db, other, view.photos[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const served = await openProgramMedia(ctx.db, who['canbo.doanket'], view.photos[0].id);
    const meta = await sharp(served).metadata();
    expect([meta.format, meta.exif]).toEqual(['jpeg', undefined]);
  });

  it('refuses a sixth photo and an unreadable one, before anything is written', async () => {
    const photo = { data: await photoWithExif(), type: 'image/jpeg' };
    await expect(
      pages.submitActivity(ctx.db, who['chihoi.truong'], await input(base()), Array(6).fill(photo), null)
    ).rejects.toMatchObject({ message: 'pa_err_photo_count', details: { field: 'photos' } });
    await expect(
      pages.submitActivity(
        ctx.db,
        who['chihoi.truong'],
        await input(base()),
        [{ data: Buffer.from('not a photo'), type: 'image/jpeg' }],
        null
      )
    ).rejects.toMatchObject({ message: 'ri_err_photo_unreadable', details: { field: 'photos' } });
  });

  it('edits and deletes within scope, keeping photos in step', async () => {
    const photo = { data: await photoWithExif(), type: 'image/jpeg' };
    const { id } = await pages.submitActivity(ctx.db, who['chihoi.truong'], await input(base()), [photo, photo], null);
    const before = await pages.activityView(ctx.db, who['chihoi.truong'], id);
    await pages.editActivity(
      ctx.db,
      who['chihoi.truong'],
      id,
      await input({ ...base(), count_total: '45' }),
      [],
      [before.photos[0].id]
    );
    const after = await pages.activityView(ctx.db, who['chihoi.truong'], id);
    expect([after.count_total, after.photos.map((p) => p.id)]).toEqual([45, [before.photos[1].id]]);
    await pages.removeActivity(ctx.db, who['chihoi.truong'], id);
    await expect(pages.activityView(ctx.db, who['chihoi.truong'], id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('filters the list by place and topic, newest first', async () => {
    const { id } = await pages.submitActivity(
      ctx.db,
      who['chihoi.truong'],
      await input({ ...base(), started_on: '02/01/2026', topics: ['topic-water'] }),
      [],
      null
    );
    const water = await pages.findActivities(
      ctx.db,
      who['canbo.doanket'],
      activityQuerySchema.parse({ topic: 'topic-water' }),
      100,
      0
    );
    // the demo seed holds activities too: ours is among the results, and every result is about water
    expect(water.map((r) => r.id)).toContain(id);
    expect(water.every((r) => r.topics.includes('Nguồn nước'))).toBe(true);
    const allRows = await pages.findActivities(ctx.db, who['canbo.doanket'], noFilter, 500, 0);
    expect(allRows.length).toBeGreaterThan(water.length);
    const elsewhere = await pages.findActivities(
      ctx.db,
      who['canbo.doanket'],
      activityQuerySchema.parse({ unit: ids.village3 }),
      100,
      0
    );
    expect(elsewhere).toEqual([]);
    const all = await pages.findActivities(ctx.db, who['canbo.doanket'], noFilter, 100, 0);
    expect(all.map((r) => r.started_on)).toEqual([...all.map((r) => r.started_on)].sort().reverse());
  });

  it('exports the actor’s rows as XLSX and CSV with Vietnamese text, never another commune’s', async () => {
    await pages.submitActivity(
      ctx.db,
      who['canbo.binhlu'],
      await input({
        organisation_id: (await pages.activityFormOptions(ctx.db, who['canbo.binhlu'])).defaults.organisation_id,
        admin_unit_id: ids.village3,
        notes: 'Bình Lư riêng'
      }),
      [],
      null
    );
    const mine = await activityTable(ctx.db, who['canbo.doanket'], noFilter);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(mine)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Hoạt động')!;
    const rows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
    expect(rows[0]).toContain('Loại hoạt động');
    expect(rows.length - 1).toBe(mine.rows.length);
    expect(rows.slice(1).some((r) => r[2] === 'Buổi tuyên truyền')).toBe(true);
    expect(rows.flat()).toContain('Bản Mẫu Một (demo)');
    const firstDate = sheet.getRow(2).getCell(1);
    expect(firstDate.value).toBeInstanceOf(Date);
    expect(firstDate.numFmt).toBe('dd/mm/yyyy');
    expect(rows.flat()).not.toContain('Bình Lư riêng');
    const csv = toCsv(mine);
    expect(csv.startsWith('\uFEFFNgày,')).toBe(true);
    expect(csv).toContain(',"Lồng ghép họp thôn, bản",'); // a comma inside a cell is quoted
    expect(csv).not.toContain('Bình Lư riêng');
    expect((await activityTable(ctx.db, who['canbo.binhlu'], noFilter)).rows.flat()).toContain('Bình Lư riêng');
  });
});
