/**
 * The case desk shows the evidence and the place: officers get thumbnails, the full copy, the
 * original and the voice note; the reporter sees what they sent (never a photo's original).
 */
import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { forEachDb } from '../support/db';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { actorFor } from '../support/demo';
import { openAttachment } from '../../src/lib/server/reports/intake/attachment.service';
import { prepareAudio, preparePhoto } from '../../src/lib/server/media/media';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { reporterView } from '../../src/lib/server/reports/intake/followup.service';
import { officerReport } from '../../src/lib/server/reports/workflow/view.service';
import { geoUri, safeLink } from '../../src/lib/shared/reports/links';
import { publicStateOf, statusesOf, PUBLIC_STATES } from '../../src/lib/shared/reports/public-status';
import { STATUSES } from '../../src/lib/shared/reports/status';
import { baseInput, setup, useTempMedia, type Fixture } from './reports-intake-support';

const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(64, 7)]);
const bigJpeg = () =>
  sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#2a6' } })
    .jpeg()
    .toBuffer();

it.each([
  ['https://example.org/p.jpg', 'https://example.org/p.jpg'],
  ['http://x.vn/a b.png', 'http://x.vn/a%20b.png'],
  ['javascript:alert(1)', null],
  ['data:image/png;base64,AAAA', null],
  ['not a url', null],
  [null, null]
])('shows %s as a link only when it is a web address', (input, expected) => {
  expect(safeLink(input)).toBe(expected);
});

it('builds a geo: link the phone map app opens', () => {
  expect(geoUri(22.4, 103.45)).toBe('geo:22.400000,103.450000');
});

it('every internal status has exactly one public state, and the four states cover them all', () => {
  const covered = PUBLIC_STATES.flatMap((s) => statusesOf(s));
  expect([...covered].sort()).toEqual([...STATUSES].sort());
  expect(publicStateOf('forwarded')).toBe('handling');
  expect(publicStateOf('closed')).toBe('handled');
  expect(publicStateOf('duplicate')).toBe('not_accepted');
});

forEachDb('case desk evidence and place', (ctx) => {
  let f: Fixture;
  let reportId = '';
  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
    const photo = await preparePhoto(await bigJpeg(), 'image/jpeg');
    const voice = prepareAudio(WEBM, 'audio/webm;codecs=opus');
    const r = await createReport(
      ctx.db,
      ANONYMOUS,
      baseInput(f, { description: '', village_id: f.village, location_text: 'Sau nhà văn hóa bản' }),
      { photos: [photo], voice }
    );
    reportId = r.reportId;
  });

  it('the officer sees commune, village and place text, and a publish entry when allowed', async () => {
    const view = await officerReport(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), reportId);
    expect(view.report.communeUnit).toMatch(/Đoàn Kết/);
    expect(view.report.village).toBe('Bản Mẫu Một (demo)');
    expect(view.report.locationText).toBe('Sau nhà văn hóa bản');
    expect(view.can.publish).toBe(true);
    expect(view.report.isPublic).toBe(false);
  });

  it('the officer gets a thumbnail, the full copy, the original and a playable voice note', async () => {
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const view = await officerReport(ctx.db, officer, reportId);
    const photo = view.attachments.find((a) => a.kind === 'photo')!;
    const audio = view.attachments.find((a) => a.kind === 'audio')!;
    expect(photo.thumbUrl).toBe(`/attachments/${photo.id}?size=thumb`);
    expect(photo.originalUrl).toBe(`/attachments/${photo.id}?original=1`);
    expect(audio.url).toBe(`/attachments/${audio.id}`);
    expect(audio.mime).toBe('audio/webm');
    const thumb = await openAttachment(ctx.db, officer, photo.id, { thumb: true });
    const meta = await sharp(thumb.body).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(320);
    const full = await sharp((await openAttachment(ctx.db, officer, photo.id)).body).metadata();
    expect(full.width).toBe(1600);
    const sound = await openAttachment(ctx.db, officer, audio.id, { original: true });
    expect(sound.body.equals(WEBM)).toBe(true);
    expect(sound.mime).toBe('audio/webm');
    await expect(
      openAttachment(ctx.db, await actorFor(ctx.db, 'canbo.binhlu'), audio.id, { thumb: true })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the reporter sees what they reported: text, place, their photo copy and voice note', async () => {
    const view = await reporterView(ctx.db, reportId);
    expect(view.place).toMatchObject({ village: 'Bản Mẫu Một (demo)', text: 'Sau nhà văn hóa bản' });
    expect(view.files.map((a) => a.kind).sort()).toEqual(['audio', 'photo']);
    expect(JSON.stringify(view.files)).not.toContain('original=1');
    const audio = view.files.find((a) => a.kind === 'audio')!;
    const heard = await openAttachment(ctx.db, ANONYMOUS, audio.id, { followReportId: reportId });
    expect(heard.body.equals(WEBM)).toBe(true);
  });
});
