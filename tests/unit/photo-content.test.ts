/**
 * Photos are judged by what the bytes are, not by the type the browser declares: vector images,
 * GIF/TIFF and other non-photo files are refused, and so is a decompression bomb (a tiny file
 * that decodes to hundreds of megapixels), each with a message the reporter can act on.
 */
import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { MAX_PHOTO_PIXELS, preparePhoto } from '../../src/lib/server/media/media';
import { t } from '../../src/lib/server/i18n';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2a6' } });

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(1)</script><rect width="800" height="600"/></svg>'
);

const files: Record<string, Buffer> = {};
beforeAll(async () => {
  files.bomb = await solid(16000, 16000).png().toBuffer();
  files.justOver = await solid(7200, 7000).png().toBuffer();
  files.phone48mp = await solid(8000, 6000).jpeg().toBuffer();
  files.png = await solid(640, 480).png().toBuffer();
  files.webp = await solid(640, 480).webp().toBuffer();
  files.avif = await solid(64, 48).heif({ compression: 'av1' }).toBuffer();
  files.gif = await solid(64, 48).gif().toBuffer();
  files.tiff = await solid(64, 48).tiff().toBuffer();
  files.svg = SVG;
  files.html = Buffer.from('<!doctype html><script>alert(1)</script>');
}, 60_000);

it.each([
  ['an SVG declared as JPEG', 'svg', 'image/jpeg', 'sec2_err_photo_not_raster'],
  ['an SVG declared as PNG', 'svg', 'image/png', 'sec2_err_photo_not_raster'],
  ['a GIF declared as PNG', 'gif', 'image/png', 'sec2_err_photo_not_raster'],
  ['a TIFF declared as JPEG', 'tiff', 'image/jpeg', 'sec2_err_photo_not_raster'],
  ['an HTML page declared as JPEG', 'html', 'image/jpeg', 'ri_err_photo_unreadable'],
  ['a 16,000 × 16,000 PNG (under 1 MB on disk)', 'bomb', 'image/png', 'sec2_err_photo_pixels'],
  ['a 50.4 MP PNG, just over the cap', 'justOver', 'image/png', 'sec2_err_photo_pixels']
])('refuses %s', async (_name, file, type, key) => {
  expect(files[file].length).toBeLessThan(10 * 1024 * 1024); // under the size limit: refused by content
  await expect(preparePhoto(files[file], type)).rejects.toMatchObject({ message: key, details: { field: 'photos' } });
});

it.each([
  ['a PNG declared as JPEG, stored as the PNG it is', 'png', 'image/jpeg', 'image/png', 'png'],
  ['a WebP', 'webp', 'image/webp', 'image/webp', 'webp'],
  ['a HEIF container declared as HEIC', 'avif', 'image/heic', 'image/heic', 'heic'],
  ['a 48 MP phone-camera JPEG', 'phone48mp', 'image/jpeg', 'image/jpeg', 'jpg']
])('accepts %s', async (_name, file, type, mime, ext) => {
  const p = await preparePhoto(files[file], type);
  expect(p).toMatchObject({ kind: 'photo', mime, ext });
  expect((await sharp(p.publicCopy!).metadata()).format).toBe('jpeg');
});

it('tells the reporter in Vietnamese what is wrong', () => {
  expect(MAX_PHOTO_PIXELS).toBeLessThan(16000 * 16000);
  expect(t('sec2_err_photo_pixels')).toContain('50 triệu điểm ảnh');
  expect(t('sec2_err_photo_not_raster')).toContain('không phải ảnh');
});
