/**
 * A photo refused on a program page (activity, commitment sheet) says why, in Vietnamese, under
 * the form's own photo field: too big, not a photo whatever its name says, or unreadable.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { preparePhotos } from '../../src/lib/server/program/activities/activity-media.service';
import { LIMITS } from '../../src/lib/shared/reports/constants';
import { t } from '../../src/lib/server/i18n';

const jpeg = () =>
  sharp({ create: { width: 32, height: 24, channels: 3, background: '#4a7' } })
    .jpeg()
    .toBuffer();
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
);

const CASES: [string, () => Promise<{ data: Buffer; type: string }>, RegExp][] = [
  [
    'a file over the size limit',
    async () => ({ data: Buffer.alloc(LIMITS.photoBytes + 1), type: 'image/jpeg' }),
    /nhỏ hơn 10 MB/
  ],
  [
    'an SVG named as a JPEG',
    async () => ({ data: SVG, type: 'image/jpeg' }),
    /không phải ảnh JPEG, PNG, WebP hay HEIC/
  ],
  [
    'bytes that are no image at all',
    async () => ({ data: Buffer.from('not an image at all'), type: 'image/jpeg' }),
    /Không đọc được ảnh|không phải ảnh/
  ],
  [
    'a document type',
    async () => ({ data: await jpeg(), type: 'application/pdf' }),
    /Ảnh phải là JPEG, PNG, WebP hoặc HEIC/
  ],
  [
    'a truncated JPEG',
    async () => ({ data: (await jpeg()).subarray(0, 200), type: 'image/jpeg' }),
    /Không đọc được ảnh này|không phải ảnh/
  ]
];

describe('program photo errors', () => {
  it.each(CASES)('%s is refused with its own reason under the field', async (_, upload, message) => {
    const refusal = await preparePhotos([await upload()], 'photo', 3).then(
      () => null,
      (e: { code: string; message: string; details: { field: string } }) => e
    );
    expect(refusal).toMatchObject({ code: 'VALIDATION', details: { field: 'photo' } });
    expect(t(refusal!.message)).toMatch(message);
  });

  it('a good photo still passes', async () => {
    expect(await preparePhotos([{ data: await jpeg(), type: 'image/jpeg' }], 'photos', 3)).toHaveLength(1);
  });
});
