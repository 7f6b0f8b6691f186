/**
 * Activity and commitment pages' services on both databases: one-time keys, scope (404),
 * photos, per-village coverage, and the CSV/XLSX exports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { useTempMedia } from './reports-intake-support';
import { readActivityForm, readCommitmentForm, ntmFor } from '../../src/lib/server/program/activity-form';
import * as pages from '../../src/lib/server/program/activity-page.service';
import * as cpages from '../../src/lib/server/program/commitment-page.service';
import { openProgramMedia } from '../../src/lib/server/program/activity-media.service';
import { activityQuerySchema } from '../../src/lib/server/program/activity-filter';
import { commitmentQuerySchema } from '../../src/lib/server/program/commitment-filter';
import { activityTable, commitmentTable, toCsv, toXlsx } from '../../src/lib/server/program/export-program.service';
import type { Actor } from '../../src/lib/server/access/actor';
import type { ActivityInput } from '../../src/lib/server/program/activity.schema';
import { demoIds, photoWithExif, quickForm } from './program-activity-support';

const noFilter = activityQuerySchema.parse({});
const noCommitmentFilter = commitmentQuerySchema.parse({});

async function input(fields: Record<string, string | string[]>): Promise<ActivityInput> {
  const f = await readActivityForm(quickForm(fields));
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
    const [x, y] = await Promise.all([1, 2].map(() => pages.submitActivity(ctx.db, who['chihoi.truong'], a, [], racing)));
    expect(x.id).toBe(y.id);
    const rows = await pages.findActivities(ctx.db, who['chihoi.truong'], noFilter, 1000, 0);
    expect(rows.filter((r) => r.notes === 'Họp bản tháng này')).toHaveLength(2);
  });

  it('a refused submission frees its key for the corrected form', async () => {
    const key = 'f'.repeat(20) + Date.now();
    await expect(pages.submitActivity(ctx.db, who['chihoi.truong'], await input({ ...base(), admin_unit_id: ids.village3 }), [], key))
      .rejects.toMatchObject({ code: 'VALIDATION', message: 'pa_err_place' });
    const ok = await pages.submitActivity(ctx.db, who['chihoi.truong'], await input(base()), [], key);
    expect(ok.created).toBe(true);
  });

  it('answers 404 outside the subtree, for the record, its edit, delete and photos', async () => {
    const photo = await photoWithExif();
    const { id } = await pages.submitActivity(ctx.db, who['chihoi.truong'], await input({ ...base(), notes: 'có ảnh' }), [{ data: photo, type: 'image/jpeg' }], null);
    const other = who['canbo.binhlu'];
    await expect(pages.activityView(ctx.db, other, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(pages.removeActivity(ctx.db, other, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(pages.editActivity(ctx.db, other, id, await input(base()), [], [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const view = await pages.activityView(ctx.db, who['canbo.doanket'], id);
    expect(view.photos).toHaveLength(1);
    await expect(openProgramMedia(ctx.db, other, view.photos[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const served = await openProgramMedia(ctx.db, who['canbo.doanket'], view.photos[0].id);
    const meta = await sharp(served).metadata();
    expect([meta.format, meta.exif]).toEqual(['jpeg', undefined]);
  });

  it('refuses a sixth photo and an unreadable one, before anything is written', async () => {
    const photo = { data: await photoWithExif(), type: 'image/jpeg' };
    await expect(pages.submitActivity(ctx.db, who['chihoi.truong'], await input(base()), Array(6).fill(photo), null))
      .rejects.toMatchObject({ message: 'pa_err_photo_count', details: { field: 'photos' } });
    await expect(pages.submitActivity(ctx.db, who['chihoi.truong'], await input(base()), [{ data: Buffer.from('not a photo'), type: 'image/jpeg' }], null))
      .rejects.toMatchObject({ message: 'pa_err_photo' });
  });

  it('edits and deletes within scope, keeping photos in step', async () => {
    const photo = { data: await photoWithExif(), type: 'image/jpeg' };
    const { id } = await pages.submitActivity(ctx.db, who['chihoi.truong'], await input(base()), [photo, photo], null);
    const before = await pages.activityView(ctx.db, who['chihoi.truong'], id);
    await pages.editActivity(ctx.db, who['chihoi.truong'], id, await input({ ...base(), count_total: '45' }), [], [before.photos[0].id]);
    const after = await pages.activityView(ctx.db, who['chihoi.truong'], id);
    expect([after.count_total, after.photos.map((p) => p.id)]).toEqual([45, [before.photos[1].id]]);
    await pages.removeActivity(ctx.db, who['chihoi.truong'], id);
    await expect(pages.activityView(ctx.db, who['chihoi.truong'], id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('filters the list by place and topic, newest first', async () => {
    await pages.submitActivity(ctx.db, who['chihoi.truong'], await input({ ...base(), started_on: '02/01/2026', topics: ['topic-water'] }), [], null);
    const water = await pages.findActivities(ctx.db, who['canbo.doanket'], activityQuerySchema.parse({ topic: 'topic-water' }), 100, 0);
    expect(water.map((r) => r.topics)).toEqual([['Nguồn nước']]);
    const elsewhere = await pages.findActivities(ctx.db, who['canbo.doanket'], activityQuerySchema.parse({ unit: ids.village3 }), 100, 0);
    expect(elsewhere).toEqual([]);
    const all = await pages.findActivities(ctx.db, who['canbo.doanket'], noFilter, 100, 0);
    expect(all.map((r) => r.started_on)).toEqual([...all.map((r) => r.started_on)].sort().reverse());
  });

  it('exports the actor’s rows as XLSX and CSV with Vietnamese text, never another commune’s', async () => {
    await pages.submitActivity(ctx.db, who['canbo.binhlu'], await input({ organisation_id: (await pages.activityFormOptions(ctx.db, who['canbo.binhlu'])).defaults.organisation_id, admin_unit_id: ids.village3, notes: 'Bình Lư riêng' }), [], null);
    const mine = await activityTable(ctx.db, who['canbo.doanket'], noFilter);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(mine)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Hoạt động')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
    expect(rows[0]).toContain('Loại hoạt động');
    expect(rows.length - 1).toBe(mine.rows.length);
    expect(rows.slice(1).some((r) => r[2] === 'Buổi tuyên truyền')).toBe(true);
    expect(rows.flat()).toContain('Bản Mẫu Một (demo)');
    expect(rows.flat()).not.toContain('Bình Lư riêng');
    const csv = toCsv(mine);
    expect(csv.startsWith('\uFEFFNgày,')).toBe(true);
    expect(csv).toContain(',"Lồng ghép họp thôn, bản",'); // a comma inside a cell is quoted
    expect(csv).not.toContain('Bình Lư riêng');
    expect((await activityTable(ctx.db, who['canbo.binhlu'], noFilter)).rows.flat()).toContain('Bình Lư riêng');
  });
});

forEachDb('program commitment pages', (ctx) => {
  const who: Record<string, Actor> = {};
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    useTempMedia();
    await seedDemo(ctx.db);
    for (const u of ['chihoi.truong', 'canbo.doanket', 'canbo.binhlu']) who[u] = await actorFor(ctx.db, u);
    ids = await demoIds(ctx.db);
  });
  async function commit(actor: Actor, fields: Record<string, string>, key: string | null = null, photo: Buffer | null = null) {
    const f = new FormData();
    for (const [k, v] of Object.entries({ party: 'household', kind_id: 'ck-sorting', signed_on: '15/03/2026', ...fields })) f.append(k, v);
    const read = await readCommitmentForm(f);
    if (!read.parsed.ok) throw new Error(JSON.stringify(read.parsed.errors));
    return cpages.submitCommitment(ctx.db, actor, read.parsed.data, photo ? [{ data: photo, type: 'image/jpeg' }] : [], key, read.batch);
  }
  const village = async (actor: Actor, id: string) => (await cpages.villageSummary(ctx.db, actor, noCommitmentFilter)).find((v) => v.id === id)!;

  it('counts per village and coverage of known households; a household signing twice is one household', async () => {
    const before = await village(who['chihoi.truong'], ids.village1);
    expect(before.households_known).toBe(120);
    const at = { organisation_id: ids.branch1, village_unit_id: ids.village1 };
    await commit(who['chihoi.truong'], { ...at, household_name: 'Hộ ông Lò Văn Pọm' });
    await commit(who['chihoi.truong'], { ...at, household_name: 'Hộ ông Lò Văn Pọm', kind_id: 'ck-no_burning' });
    await commit(who['chihoi.truong'], { ...at, household_name: 'Hộ bà Tòng Thị Ín' });
    const after = await village(who['chihoi.truong'], ids.village1);
    expect(after.total - before.total).toBe(3);
    expect(after.distinct_households - before.distinct_households).toBe(2);
    expect(after.coverage).toBe(cpages.coverage(after.distinct_households, 120));
    expect(cpages.coverage(3, 120)).toBe(2.5);
  });

  it('records a number of households without names, once per household', async () => {
    const at = { organisation_id: ids.branch1, village_unit_id: ids.village1, household_count: '12', signed_on: '20/03/2026' };
    const before = await village(who['chihoi.truong'], ids.village1);
    await commit(who['chihoi.truong'], at, 'b'.repeat(24));
    await commit(who['chihoi.truong'], at, 'b'.repeat(24)); // a retry
    await commit(who['chihoi.truong'], { ...at, kind_id: 'ck-no_burning' }); // the same households, another commitment
    const after = await village(who['chihoi.truong'], ids.village1);
    expect([after.total - before.total, after.households - before.households, after.distinct_households - before.distinct_households]).toEqual([24, 24, 12]);
    const names = (await cpages.findCommitments(ctx.db, who['chihoi.truong'], commitmentQuerySchema.parse({ from: '2026-03-20', to: '2026-03-20' }), 100, 0)).map((r) => r.household_name);
    expect(names).toContain('Hộ thứ 12/12, ký ngày 20/03/2026');
  });

  it('shows no coverage where the household count is unknown', async () => {
    expect((await village(who['canbo.binhlu'], ids.village4)).coverage).toBeNull();
    expect(cpages.coverage(5, null)).toBeNull();
    expect(cpages.coverage(500, 120)).toBe(100);
  });

  it('is idempotent, keeps the signed sheet, and is out of reach of another commune', async () => {
    const key = 'c'.repeat(22);
    const at = { organisation_id: ids.branch1, village_unit_id: ids.village1, household_name: 'Hộ ông Giàng A Sử' };
    const first = await commit(who['chihoi.truong'], at, key, await photoWithExif());
    expect((await commit(who['chihoi.truong'], at, key)).id).toBe(first.id);
    const view = await cpages.commitmentView(ctx.db, who['chihoi.truong'], first.id);
    expect(view.photos).toHaveLength(1);
    expect(view.photo_path).toBe(view.photos[0].url);
    await expect(cpages.commitmentView(ctx.db, who['canbo.binhlu'], first.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cpages.removeCommitment(ctx.db, who['canbo.binhlu'], first.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(commit(who['chihoi.truong'], { ...at, village_unit_id: ids.village3 })).rejects.toMatchObject({ message: 'pa_err_place' });
  });

  it('exports commitments in scope only', async () => {
    const t = await commitmentTable(ctx.db, who['canbo.doanket'], noCommitmentFilter);
    expect(t.rows.flat()).toContain('Hộ bà Tòng Thị Ín');
    expect(t.rows.flat()).toContain('Hộ gia đình');
    expect((await commitmentTable(ctx.db, who['canbo.binhlu'], noCommitmentFilter)).rows.flat()).not.toContain('Hộ bà Tòng Thị Ín');
    expect(toCsv(t).split('\r\n')[0]).toBe('\uFEFFNgày,Nội dung cam kết,Bên ký,Hộ hoặc người ký,"Thôn, bản",Tổ chức,Ghi chú');
  });
});

describe('activity form errors', () => {
  const cases: [string, Record<string, string | string[]>, string, string][] = [
    ['missing date', { started_on: '' }, 'started_on', 'err_required'],
    ['impossible date', { started_on: '31/02/2026' }, 'started_on', 'err_date'],
    ['end before start', { started_on: '10/03/2026', ended_on: '09/03/2026' }, 'ended_on', 'program_err_end_before_start'],
    ['count not a number', { count_total: 'ba mươi' }, 'count_total', 'program_err_count'],
    ['elderly over total', { count_total: '10', count_elderly: '11' }, 'count_elderly', 'program_err_count_over_total'],
    ['women over total', { count_total: '10', count_women: '12' }, 'count_women', 'program_err_count_over_total'],
    ['no place', { admin_unit_id: '' }, 'admin_unit_id', 'err_required'],
    ['no organisation', { organisation_id: '' }, 'organisation_id', 'err_required'],
    ['unknown kind', { kind: 'party' }, 'kind', 'err_required'],
    ['unknown audience', { audiences: 'aliens' }, 'audiences.0', 'err_invalid']
  ];
  it.each(cases)('%s', async (_name, fields, field, key) => {
    const f = await readActivityForm(quickForm({ organisation_id: 'o', admin_unit_id: 'u', ...fields }));
    expect(f.parsed.ok).toBe(false);
    if (!f.parsed.ok) expect(f.parsed.codes[field]).toBe(key);
    expect(f.values.count_total).toBe(fields.count_total ?? '30'); // what was typed comes back
  });

  it('commitment: a household needs its name, a member needs choosing', async () => {
    for (const [party, field] of [['household', 'household_name'], ['person', 'person_id']]) {
      const f = new FormData();
      for (const [k, v] of Object.entries({ party, kind_id: 'ck-sorting', signed_on: '15/03/2026', organisation_id: 'o', village_unit_id: 'v' })) f.append(k, v);
      const read = await readCommitmentForm(f);
      expect(read.parsed.ok ? null : read.parsed.codes[field]).toBe('err_required');
    }
  });

  const countCases: [string, Record<string, string>, string][] = [
    ['count zero', { household_count: '0' }, 'pa_c_err_count'],
    ['count too big', { household_count: '501' }, 'pa_c_err_count'],
    ['count not a number', { household_count: 'bốn mươi' }, 'pa_c_err_count'],
    ['both a name and a count', { household_count: '3', household_name: 'Hộ A' }, 'pa_c_err_count_or_name']
  ];
  it.each(countCases)('commitment: %s', async (_name, fields, key) => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ party: 'household', kind_id: 'ck-sorting', signed_on: '15/03/2026', organisation_id: 'o', village_unit_id: 'v', ...fields })) f.append(k, v);
    const read = await readCommitmentForm(f);
    expect(read.parsed.ok ? null : read.parsed.codes.household_count).toBe(key);
    expect(read.values.household_count).toBe(fields.household_count);
  });

  it('the NTM criterion follows the date when left on automatic', () => {
    expect([ntmFor('2025-12-31'), ntmFor('2026-01-01'), ntmFor('2020-05-01'), ntmFor(null)]).toEqual(['2021-2025:17', '2026-2030:8', null, null]);
  });
});
