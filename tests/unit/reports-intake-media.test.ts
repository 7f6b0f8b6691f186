/** Photos (sharp re-encode strips EXIF; GPS read privately) and following a report by receipt. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { forEachDb } from '../support/db';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { actorFor } from '../support/demo';
import { openAttachment } from '../../src/lib/server/reports/intake/attachment.service';
import { preparePhoto, prepareAudio } from '../../src/lib/server/media/media';
import { readExif } from '../../src/lib/server/media/exif';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import {
  rate,
  reopen,
  reply,
  reportIdForReceipt,
  reporterView
} from '../../src/lib/server/reports/intake/followup.service';
import { signFollowToken, verifyFollowToken, receiptFromKey } from '../../src/lib/server/reports/intake/receipt-keys';
import { formatReceipt } from '../../src/lib/shared/reports/receipt';
import { baseInput, setup, useTempMedia, type Fixture } from './reports-intake-support';

async function gpsJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#3a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD2: { DateTimeOriginal: '2026:11:20 08:15:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 25/1 5808/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '103/1 24/1 288/100'
      }
    })
    .toBuffer();
}

it('reads GPS and capture time from EXIF; malformed EXIF gives nulls', async () => {
  const meta = await sharp(await gpsJpeg()).metadata();
  const facts = readExif(meta.exif);
  expect(facts.capturedAt).toBe('2026-11-20T01:15:00.000Z'); // camera clock read as Vietnam time
  expect(facts.lat).toBeCloseTo(22.4328, 3);
  expect(facts.lon).toBeCloseTo(103.4008, 3);
  expect(readExif(Buffer.from('Exif\0\0garbage-garbage'))).toEqual({ capturedAt: null, lat: null, lon: null });
});

it('re-encodes: rotated, ≤1600 px, JPEG, no EXIF/GPS in the public copy; original kept byte for byte', async () => {
  const original = await gpsJpeg();
  const p = await preparePhoto(original, 'image/jpeg');
  const meta = await sharp(p.publicCopy!).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600);
  expect(meta.height).toBeGreaterThan(meta.width!); // orientation 6 applied, then stripped
  expect(p.publicCopy!.includes(Buffer.from('TestCam'))).toBe(false);
  expect(p.original.equals(original)).toBe(true);
  expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
});

it.each([
  ['a text file', Buffer.from('hello'), 'text/plain', 'ri_err_photo_type'],
  ['a broken JPEG', Buffer.from('not really a jpeg'), 'image/jpeg', 'ri_err_photo_unreadable'],
  ['an 11 MB photo', Buffer.alloc(11 * 1024 * 1024), 'image/jpeg', 'ri_err_photo_size']
])('refuses %s', async (_n, data, type, key) => {
  await expect(preparePhoto(data, type)).rejects.toMatchObject({ message: key, details: { field: 'photos' } });
});

const pad = (head: number[] | string) => Buffer.concat([Buffer.from(head as never), Buffer.alloc(32)]);
it.each([
  ['Chrome WebM', pad([0x1a, 0x45, 0xdf, 0xa3]), 'audio/webm;codecs=opus', 'audio/webm'],
  ['Safari MP4', pad([0, 0, 0, 0x1c, ...Buffer.from('ftypM4A ')]), 'audio/mp4', 'audio/mp4'],
  ['Ogg Opus', pad('OggS'), 'audio/ogg', 'audio/ogg'],
  ['MP3 with ID3', pad('ID3'), 'audio/mpeg', 'audio/mpeg'],
  ['WebM bytes declared as Ogg', pad([0x1a, 0x45, 0xdf, 0xa3]), 'audio/ogg', 'audio/webm']
])('accepts a voice note recorded as %s, typed by its bytes', (_n, data, type, mime) => {
  expect(prepareAudio(data, type).mime).toBe(mime);
});

it.each([
  ['an HTML page declared as Ogg', pad('<!doctype html><script>'), 'audio/ogg'],
  ['a JPEG declared as WebM', pad([0xff, 0xd8, 0xff, 0xe0]), 'audio/webm'],
  ['a video type', pad([0x1a, 0x45, 0xdf, 0xa3]), 'video/mp4'],
  ['an empty file', Buffer.alloc(0), 'audio/webm']
])('refuses %s as a voice note', (_n, data, type) => {
  expect(() => prepareAudio(data, type)).toThrow('ri_err_audio');
});

it('signs follow-up tokens that expire and cannot be altered', () => {
  const token = signFollowToken('abc', 0);
  expect(verifyFollowToken(token, 1000)).toBe('abc');
  expect(verifyFollowToken(token.replace('abc', 'abd'), 1000)).toBeNull();
  expect(verifyFollowToken(token, 10 * 60 * 60 * 1000)).toBeNull();
  expect(receiptFromKey('k'.repeat(22))).toMatch(/^\d{16}$/);
});

forEachDb('report photos and follow-up', (ctx) => {
  let f: Fixture;
  let root: string;
  beforeAll(async () => {
    root = useTempMedia();
    f = await setup(ctx.db);
  });

  it('uses the photo GPS when no place was given, keeps evidence privately', async () => {
    const photo = await preparePhoto(await gpsJpeg(), 'image/jpeg');
    const r = await createReport(ctx.db, ANONYMOUS, baseInput(f, { commune_id: '' }), { photos: [photo] });
    expect(r.location?.precision).toBe('photo');
    const rep = await ctx.db.selectFrom('report').selectAll().where('id', '=', r.reportId).executeTakeFirstOrThrow();
    expect(rep.commune_unit_id).toBe(f.commune);
    const att = await ctx.db
      .selectFrom('attachment')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(att.gps_lat).toBeCloseTo(22.4328, 3);
    expect(att.captured_at).toBe('2026-11-20T01:15:00.000Z');
    expect(att.uploaded_by_account_id).toBeNull();
    expect(att.private_path.startsWith('private/')).toBe(true);
    expect(readFileSync(path.join(root, att.private_path)).equals(photo.original)).toBe(true);
    const pub = await sharp(readFileSync(path.join(root, att.public_path!))).metadata();
    expect(pub.exif).toBeUndefined();
  });

  it('follows by receipt: view, reply, rate only when resolved, reopen within 30 days', async () => {
    const r = await createReport(ctx.db, ANONYMOUS, baseInput(f));
    expect(await reportIdForReceipt(ctx.db, formatReceipt(r.receiptCode!))).toBe(r.reportId);
    expect(await reportIdForReceipt(ctx.db, '0000 0000 0000 0000')).toBeNull();
    expect(await reportIdForReceipt(ctx.db, 'abc')).toBeNull();

    await ctx.db.updateTable('report').set({ status: 'needs_info' }).where('id', '=', r.reportId).execute();
    await reply(ctx.db, r.reportId, 'Bãi rác ở ngay sau trường học.', []);
    let view = await reporterView(ctx.db, r.reportId);
    expect(view.status).toBe('new'); // the answer sends it back to verification
    expect(view.events.map((e) => e.kind)).toEqual(['status', 'reply']);
    await expect(reply(ctx.db, r.reportId, '  ', [])).rejects.toMatchObject({ message: 'ri_err_reply' });
    await expect(rate(ctx.db, r.reportId, 4)).rejects.toMatchObject({ message: 'ri_err_not_closed' });
    await expect(reopen(ctx.db, r.reportId, 'Vẫn còn')).rejects.toMatchObject({ message: 'ri_err_reopen' });

    await ctx.db
      .updateTable('report')
      .set({ status: 'resolved', resolved_at: '2026-03-01T03:00:00.000Z' })
      .where('id', '=', r.reportId)
      .execute();
    await expect(rate(ctx.db, r.reportId, 6)).rejects.toMatchObject({ message: 'ri_err_rating' });
    await rate(ctx.db, r.reportId, 2);
    view = await reporterView(ctx.db, r.reportId, '2026-03-20');
    expect(view.rating).toBe(2);
    expect(view.canReopen).toBe(true);
    expect((await reporterView(ctx.db, r.reportId, '2026-04-05')).canReopen).toBe(false);
    await expect(reopen(ctx.db, r.reportId, 'Vẫn còn rác', '2026-04-05')).rejects.toMatchObject({
      message: 'ri_err_reopen'
    });
    await reopen(ctx.db, r.reportId, 'Vẫn còn rác', '2026-03-20');
    const rep = await ctx.db
      .selectFrom('report')
      .select(['status', 'deadline_kind'])
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    expect(rep).toEqual({ status: 'reopened', deadline_kind: 'verify' });
    const audits = await ctx.db
      .selectFrom('audit_event')
      .select(['action', 'actor_account_id'])
      .where('entity_id', '=', r.reportId)
      .orderBy('at')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['report.create', 'report.reply', 'report.rate', 'report.reopen']);
    expect(audits.every((a) => a.actor_account_id === null)).toBe(true);
  });

  it('serves attachments only to officers in scope, the receipt holder, or when published', async () => {
    const photo = await preparePhoto(await gpsJpeg(), 'image/jpeg');
    const r = await createReport(ctx.db, ANONYMOUS, baseInput(f), { photos: [photo] });
    const att = await ctx.db
      .selectFrom('attachment')
      .select('id')
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const original = await openAttachment(ctx.db, officer, att.id, { original: true });
    expect(original.body.equals(photo.original)).toBe(true);
    expect((await openAttachment(ctx.db, officer, att.id)).body.equals(photo.publicCopy!)).toBe(true);
    const holder = await openAttachment(ctx.db, ANONYMOUS, att.id, { original: true, followReportId: r.reportId });
    expect(holder.body.equals(photo.publicCopy!)).toBe(true); // never the original with its GPS
    for (const [who, opts] of [
      ['canbo.binhlu', {}],
      ['kiemlam', {}],
      [null, {}],
      [null, { followReportId: 'another-report' }]
    ] as const) {
      const actor = who ? await actorFor(ctx.db, who) : ANONYMOUS;
      await expect(openAttachment(ctx.db, actor, att.id, opts)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await ctx.db.updateTable('report').set({ is_public: 1 }).where('id', '=', r.reportId).execute();
    await expect(openAttachment(ctx.db, ANONYMOUS, att.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await ctx.db.updateTable('attachment').set({ approved_public: 1 }).where('id', '=', att.id).execute();
    expect((await openAttachment(ctx.db, ANONYMOUS, att.id, { original: true })).body.equals(photo.publicCopy!)).toBe(
      true
    );
  });
});
