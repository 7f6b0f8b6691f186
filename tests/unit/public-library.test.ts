/**
 * The outreach library: an upload is checked by its bytes, re-encoded by ffmpeg to a small MP3
 * whose duration (read back with ffprobe) equals the input's, the original kept privately;
 * filters by topic, language and kind; use in outreach sessions counted per commune; the
 * recorded reading of a public page; scope (another association's material is a 404).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { activity } from './program-support';
import {
  demoTone,
  libraryPath,
  probeSeconds,
  readLibraryFile,
  setLibraryRoot
} from '../../src/lib/server/library/audio';
import {
  createMaterial,
  materialForEdit,
  saveText,
  updateMaterial
} from '../../src/lib/server/library/library.service';
import { listLibrary, pageReading, publicMaterial } from '../../src/lib/server/library/library-public.service';
import { libraryFilterSchema, materialSchema, textSchema } from '../../src/lib/server/library/library.schema';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { validate } from '../../src/lib/server/forms';
import { todayVn } from '../../src/lib/shared/format';
import type { Actor } from '../../src/lib/server/access/actor';

setLibraryRoot(mkdtempSync(path.join(tmpdir(), 'cs-library-')));

const material = (over: Record<string, unknown> = {}) =>
  materialSchema.parse({
    kind: 'loudspeaker_script',
    topics: ['topic-water'],
    language: 'vi',
    title: 'Giữ sạch nguồn nước',
    body: 'Không xả rác xuống suối.',
    ...over
  });

describe('library forms', () => {
  it.each([
    ['no title', { language: 'vi', title: ' ', body: 'x' }, 'title', 'err_required'],
    ['no text', { language: 'vi', title: 'x', body: '' }, 'body', 'err_required'],
    [
      'other language without its name',
      { language: 'other', title: 'x', body: 'x' },
      'language_name',
      'public_lib_err_language_name'
    ],
    ['unknown language', { language: 'fr', title: 'x', body: 'x' }, 'language', 'err_required']
  ])('%s', (_name, input, field, code) => {
    const r = validate(textSchema, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.codes?.[field]).toBe(code);
  });

  it('a named language is kept only for "other"', () => {
    expect(textSchema.parse({ language: 'vi', language_name: 'Giáy', title: 'x', body: 'x' }).language_name).toBe('');
    expect(textSchema.parse({ language: 'other', language_name: 'Giáy', title: 'x', body: 'x' }).language_name).toBe(
      'Giáy'
    );
  });

  it('filters ignore unknown values instead of failing the page', () => {
    expect(libraryFilterSchema.parse({ language: 'xx', kind: 'leaflet' })).toEqual({ kind: 'leaflet' });
  });
});

forEachDb('outreach library', (ctx) => {
  let province: Actor;
  let commune: Actor;
  let provinceOrg = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    province = await actorFor(ctx.db, 'canbo.tinh');
    commune = await actorFor(ctx.db, 'canbo.doanket');
    provinceOrg = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
  });

  it('re-encodes an upload to a small mono MP3 of the same duration and keeps the original privately', async () => {
    const wav = await demoTone(3.5, 330);
    const id = await createMaterial(ctx.db, province, material({ organisation_id: provinceOrg }), new Uint8Array(wav));
    const { texts } = await materialForEdit(ctx.db, province, id);
    const t = texts[0];
    expect(t.audio_mime).toBe('audio/mpeg');
    expect(Math.abs(t.audio_ms! - 3500)).toBeLessThanOrEqual(200);
    const seconds = await probeSeconds(libraryPath(t.audio_path!));
    expect(Math.abs(seconds! - (await probeSeconds(libraryPath(t.original_path!)))!)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(seconds! - 3.5)).toBeLessThanOrEqual(0.2);
    const mp3 = await readLibraryFile(t.audio_path!);
    expect(mp3.length).toBe(t.audio_bytes);
    expect(mp3.length).toBeLessThan(wav.length / 3);
    expect(t.original_mime).toBe('audio/wav');
    expect(Buffer.compare(await readLibraryFile(t.original_path!), wav)).toBe(0);
    // The public page shows the duration and size, never the original.
    const page = await publicMaterial(ctx.db, (await materialForEdit(ctx.db, province, id)).material.slug);
    expect(page.texts[0].audio).toEqual({ url: `/tai-lieu/nghe/${t.id}`, ms: t.audio_ms, bytes: t.audio_bytes });
    expect(JSON.stringify(page)).not.toContain('private/');
  });

  it.each([
    [
      'a web page named .mp3',
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      'public_lib_err_audio_type'
    ],
    ['a few bytes', Buffer.from('ID3'), 'public_lib_err_audio_type'],
    [
      'an MP3 header followed by garbage',
      Buffer.concat([Buffer.from('ID3'), Buffer.alloc(4096, 7)]),
      'public_lib_err_audio_unreadable'
    ]
  ])('refuses %s', async (_name, bytes, key) => {
    await expect(
      createMaterial(ctx.db, province, material({ organisation_id: provinceOrg }), new Uint8Array(bytes))
    ).rejects.toMatchObject({ code: 'VALIDATION', message: key, details: { field: 'audio' } });
  });

  it('adds a text per language and replaces one, keeping its audio', async () => {
    const id = await createMaterial(ctx.db, province, material({ organisation_id: provinceOrg }), null);
    await saveText(
      ctx.db,
      province,
      id,
      textSchema.parse({ language: 'mong', title: 'Mông', body: 'a' }),
      new Uint8Array(await demoTone(1, 500))
    );
    await saveText(ctx.db, province, id, textSchema.parse({ language: 'mong', title: 'Mông 2', body: 'b' }), null);
    const { texts } = await materialForEdit(ctx.db, province, id);
    expect(texts.map((t) => t.language).sort()).toEqual(['mong', 'vi']);
    const mong = texts.find((t) => t.language === 'mong')!;
    expect(mong.title).toBe('Mông 2');
    expect(mong.audio_path).not.toBeNull();
  });

  it('filters by language, topic and kind', async () => {
    const mong = await listLibrary(ctx.db, { language: 'mong' });
    expect(mong.materials.length).toBeGreaterThan(0);
    expect(mong.materials.every((x) => x.texts.some((t) => t.language === 'mong'))).toBe(true);
    const forest = await listLibrary(ctx.db, { topic: 'topic-forest' });
    expect(forest.materials.map((x) => x.title)).toContain('Tờ rơi: Giữ rừng đầu nguồn, phòng cháy rừng mùa khô');
    expect(forest.materials.every((x) => x.topics.some((t) => t.id === 'topic-forest'))).toBe(true);
    const leaflets = await listLibrary(ctx.db, { kind: 'leaflet' });
    expect(leaflets.materials.every((x) => x.kind === 'leaflet')).toBe(true);
  });

  it('counts how often and in which commune a material was used', async () => {
    const id = await createMaterial(
      ctx.db,
      province,
      material({ organisation_id: provinceOrg, title: 'Dùng ở Đoàn Kết' }),
      null
    );
    const branch = await ctx.db
      .selectFrom('organisation as o')
      .innerJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
      .innerJoin('admin_unit as c', 'c.id', 'u.parent_id')
      .select(['o.id', 'u.id as village', 'c.name as commune'])
      .where('u.level', '=', 'village')
      .where('c.code', '=', '03388')
      .executeTakeFirstOrThrow();
    for (const day of [todayVn(), todayVn(new Date(Date.now() - 86_400_000))])
      await createActivity(
        ctx.db,
        commune,
        activity({ organisation_id: branch.id, admin_unit_id: branch.village, started_on: day, material_ids: [id] })
      );
    const slug = (await materialForEdit(ctx.db, province, id)).material.slug;
    const page = await publicMaterial(ctx.db, slug);
    expect(page.uses).toBe(2);
    expect(page.places).toEqual([{ name: branch.commune, count: 2 }]);
  });

  it('refuses an unknown material in an activity', async () => {
    const a = activity({ organisation_id: provinceOrg, admin_unit_id: 'x', material_ids: ['no-such'] });
    await expect(createActivity(ctx.db, province, a)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('gives a public page one recorded reading, the latest material tied to it', async () => {
    expect(await pageReading(ctx.db, 'receipt')).toBeNull();
    const tone = new Uint8Array(await demoTone(1, 600));
    const first = await createMaterial(
      ctx.db,
      province,
      material({ organisation_id: provinceOrg, page_key: 'receipt' }),
      tone
    );
    const second = await createMaterial(
      ctx.db,
      province,
      material({ organisation_id: provinceOrg, page_key: 'receipt' }),
      tone
    );
    const reading = await pageReading(ctx.db, 'receipt');
    const secondText = (await materialForEdit(ctx.db, province, second)).texts[0];
    expect(reading?.url).toBe(`/tai-lieu/nghe/${secondText.id}`);
    expect((await materialForEdit(ctx.db, province, first)).material.page_key).toBeNull();
  });

  it('answers 404 for another association’s material', async () => {
    const id = await createMaterial(ctx.db, province, material({ organisation_id: provinceOrg }), null);
    await expect(materialForEdit(ctx.db, commune, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      updateMaterial(ctx.db, commune, id, { kind: 'leaflet', topics: [], page_key: null, organisation_id: provinceOrg })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
