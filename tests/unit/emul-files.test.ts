/**
 * Photos and documents of the movement: manual evidence takes photos (re-encoded, no metadata)
 * and PDF / Word documents recognised by their bytes, each refused with its own message; files
 * are served only within scope. The honour board shows an awardee's photo only with both
 * consents (name and photo), and a withdrawal takes it down while the record keeps it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { Document, Packer, Paragraph } from 'docx';
import { forEachDb } from '../support/db';
import { useTempMedia } from './reports-intake-support';
import { as, campaign, person, tree } from './emulation-support';
import { isAppError } from '../../src/lib/server/errors';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { prepareFile, prepareFiles } from '../../src/lib/server/emulation/files';
import { DOCX, PDF, sniffDocument } from '../../src/lib/server/media/media';
import {
  addEvidence,
  branchAssess,
  manualEvidence,
  register
} from '../../src/lib/server/emulation/registration.service';
import { openBoardPhoto, openEvidenceFile } from '../../src/lib/server/emulation/evidence-file.service';
import { recordCouncil, publishResults } from '../../src/lib/server/emulation/council.service';
import { decide, recordConsent, revokeAward, withdrawConsent } from '../../src/lib/server/emulation/award.service';
import { setBoardPhoto, withdrawBoardPhoto } from '../../src/lib/server/emulation/board-photo.service';
import { honourBoard } from '../../src/lib/server/emulation/board.service';

useTempMedia();

const jpegWithGps = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3a7' } })
    .withExifMerge({ IFD0: { Artist: 'Lò Thị Mai' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 24/1 0/1' } })
    .jpeg()
    .toBuffer();
const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: '#fff' } })
    .png()
    .toBuffer();
const docx = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Biên bản sinh hoạt')] }] }));
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const posted = (name: string, bytes: Buffer, type = '') => ({ name, type, bytes: new Uint8Array(bytes) });

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return `${e.message}${e.details?.field ? `@${e.details.field}` : ''}`;
    throw e;
  }
}

describe('what a file is comes from its bytes', () => {
  it('recognises PDF and Word documents by their magic numbers', async () => {
    expect(sniffDocument(PDF_BYTES)).toBe(PDF);
    expect(sniffDocument(Buffer.from(await docx()))).toBe(DOCX);
    // a ZIP that is not a Word document, and a text file called .pdf
    expect(sniffDocument(Buffer.from('PK\u0003\u0004 not word at all', 'latin1'))).toBeNull();
    expect(sniffDocument(Buffer.from('hello'))).toBeNull();
  });

  const cases: [string, string, () => Promise<Buffer> | Buffer, string][] = [
    ['a JPEG photo', 'photo', jpegWithGps, 'anh.jpg'],
    ['a PNG named .docx', 'photo', png, 'anh.docx'],
    ['a PDF', 'document', () => PDF_BYTES, 'bien-ban.pdf'],
    ['a Word document', 'document', async () => Buffer.from(await docx()), 'bien-ban.docx'],
    ['text renamed .pdf', 'emul_err_file_type@files', () => Buffer.from('not a pdf'), 'gia.pdf'],
    ['an SVG', 'emul_err_file_type@files', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg'],
    ['a broken JPEG', 'emul_err_file_photo@files', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), 'hong.jpg'],
    [
      'a file over 10 MB',
      'emul_err_file_size@files',
      () => Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]),
      'to.pdf'
    ]
  ];
  it.each(cases)('%s → %s', async (_, expected, bytes, name) => {
    const got = await prepareFile(posted(name, await bytes()), 'files').then(
      (f) => f.kind,
      (e) => (isAppError(e) ? `${e.message}@${e.details?.field}` : Promise.reject(e))
    );
    expect(got).toBe(expected);
  });

  it('names the file in the message and refuses a sixth file', async () => {
    const e = await prepareFile(posted('../../gia.pdf', Buffer.from('x')), 'files').catch((x) => x);
    expect(e.details).toMatchObject({ field: 'files', name: 'gia.pdf' });
    expect(await code(prepareFiles(Array(6).fill(posted('a.pdf', PDF_BYTES)), 'files'))).toBe(
      'emul_err_file_count@files'
    );
  });

  it('the board photo takes photos only', async () => {
    expect(await code(prepareFile(posted('a.pdf', PDF_BYTES), 'file', true))).toBe('emul_err_photo_type@file');
  });
});

forEachDb('emulation files', (ctx) => {
  let t: Awaited<ReturnType<typeof tree>>;
  let other: Awaited<ReturnType<typeof tree>>;
  let campaignId: string;
  let rid: string;
  const leader = () => as('branch_leader', t.branch);
  const officer = (o: string) => as('association_officer', o);

  beforeAll(async () => {
    t = await tree(ctx.db, 'Tệp');
    other = await tree(ctx.db, 'Khác');
    campaignId = await campaign(ctx.db, t.province);
    const pid = await person(ctx.db, t.branch, 'Lò Thị Mai');
    [rid] = await register(ctx.db, leader(), {
      campaign_id: campaignId,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [pid],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
  });

  it('keeps photos (clean copy and thumbnail) and documents with the evidence, served within scope only', async () => {
    const files = await prepareFiles(
      [posted('vuon-rau.jpg', await jpegWithGps(), 'image/jpeg'), posted('bien-ban.pdf', PDF_BYTES)],
      'files'
    );
    await addEvidence(ctx.db, leader(), rid, { criterion_code: null, description: 'Giữ vườn sạch' }, files);
    const [e] = await manualEvidence(ctx.db, rid);
    expect(e.files.map((f) => [f.kind, f.file_name])).toEqual([
      ['photo', 'vuon-rau.jpg'],
      ['document', 'bien-ban.pdf']
    ]);
    const [photo, doc] = e.files;
    const full = await openEvidenceFile(ctx.db, officer(t.commune), photo.id, false);
    const meta = await sharp(full.body).metadata();
    expect([meta.format, meta.exif]).toEqual(['jpeg', undefined]);
    const thumb = await openEvidenceFile(ctx.db, leader(), photo.id, true);
    expect((await sharp(thumb.body).metadata()).width).toBeLessThanOrEqual(320);
    const pdf = await openEvidenceFile(ctx.db, leader(), doc.id, false);
    expect([pdf.type, pdf.inline, pdf.body.equals(PDF_BYTES)]).toEqual([PDF, false, true]);
    for (const stranger of [officer(other.commune), as('branch_leader', t.branch2), ANONYMOUS])
      expect(await code(openEvidenceFile(ctx.db, stranger, doc.id, false))).toBe('NOT_FOUND');
  });

  it('shows the photo on the board only with both consents; withdrawing either takes it down', async () => {
    await branchAssess(ctx.db, leader(), rid, { score: 90, note: null });
    await recordCouncil(ctx.db, officer(t.commune), {
      organisation_id: t.commune,
      campaign_id: campaignId,
      meeting_on: '2025-12-01',
      members: [1, 2, 3].map((i) => ({ name: `TV ${i}`, role: null })),
      members_present: 3,
      votes: [{ registration_id: rid, award_form: 'title_commune', in_favour: 3, against: 0, abstain: 0 }]
    });
    await publishResults(ctx.db, officer(t.commune), {
      organisation_id: t.commune,
      campaign_id: campaignId,
      appeal_days: 0
    });
    const d = await decide(ctx.db, officer(t.commune), {
      organisation_id: t.commune,
      award_form: 'title_commune',
      registration_ids: [rid],
      signer_name: 'Chủ tịch'
    });
    const awardId = d.awardIds[0];
    const entry = async () =>
      (await honourBoard(ctx.db, { organisationId: t.commune })).entries.find((x) => x.id === awardId);
    const photo = await prepareFile(posted('chan-dung.png', await png()), 'file', true);
    expect(await code(setBoardPhoto(ctx.db, leader(), awardId, { given_on: '2026-01-05', alt: 'x' }, null))).toBe(
      'emul_err_photo_required@file'
    );
    expect(
      await code(setBoardPhoto(ctx.db, officer(other.commune), awardId, { given_on: '2026-01-05', alt: 'x' }, photo))
    ).toBe('NOT_FOUND');
    await setBoardPhoto(ctx.db, leader(), awardId, { given_on: '2026-01-05', alt: 'Bà Mai bên vườn rau' }, photo);
    // photo consent alone: the awardee has not agreed to the board yet
    expect(await entry()).toBeUndefined();
    const photoId = (
      await ctx.db.selectFrom('emu_award').select('photo_file_id').where('id', '=', awardId).executeTakeFirstOrThrow()
    ).photo_file_id!;
    expect(await code(openBoardPhoto(ctx.db, photoId, true))).toBe('NOT_FOUND');
    await recordConsent(ctx.db, leader(), awardId, { given_on: '2026-01-05', story: 'Giữ bản sạch' });
    expect((await entry())?.photo).toEqual({ id: photoId, alt: 'Bà Mai bên vườn rau' });
    expect((await sharp(await openBoardPhoto(ctx.db, photoId, true)).metadata()).format).toBe('jpeg');
    await withdrawBoardPhoto(ctx.db, leader(), awardId);
    expect((await entry())?.photo).toBeNull();
    expect(await code(openBoardPhoto(ctx.db, photoId, false))).toBe('NOT_FOUND');
    await setBoardPhoto(ctx.db, leader(), awardId, { given_on: '2026-01-06', alt: 'Bà Mai' }, photo);
    const again = (await entry())!.photo!.id;
    await withdrawConsent(ctx.db, leader(), awardId);
    expect(await entry()).toBeUndefined();
    expect(await code(openBoardPhoto(ctx.db, again, false))).toBe('NOT_FOUND');
    // the record keeps the photo for the association
    expect((await openEvidenceFile(ctx.db, officer(t.commune), again, false)).type).toBe('image/jpeg');
    await recordConsent(ctx.db, leader(), awardId, { given_on: '2026-01-07', story: null });
    expect(await code(openBoardPhoto(ctx.db, again, false))).toBe('ok');
    await revokeAward(ctx.db, officer(t.commune), awardId, 'Kê khai sai');
    expect(await code(openBoardPhoto(ctx.db, again, false))).toBe('NOT_FOUND');
  });
});
