/**
 * A big phone photo is made smaller in the browser before it is sent (JS on): the request that
 * reaches the server carries a ~1600 px copy, not the 2 MB original, and the elder sees it being
 * prepared and sent. Without JavaScript the original goes as chosen and the report still lands.
 */
import { expect, test, type Request, type Route } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, jsEnabled, today, unique, visit } from './support';

/** A 4000 × 3000 "phone photo" of about 2 MB (noise does not compress, like foliage). */
async function bigPhoto(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#555',
      noise: { type: 'gaussian', mean: 120, sigma: 30 }
    }
  })
    .blur(1.2)
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The JPEG inside a multipart body: from its start marker to its end marker. */
function jpegIn(body: Buffer): Buffer {
  const start = body.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  const end = body.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return body.subarray(start, end + 2);
}

test('a 2 MB photo is sent at about 1600 px with JavaScript, as chosen without', async ({ page }) => {
  test.setTimeout(90_000);
  const original = await bigPhoto();
  expect(original.length).toBeGreaterThan(1_800_000);
  await visit(page, '/report');
  await page.getByLabel('Đổ rác thải bừa bãi').check();
  await page.getByLabel('2. Kể lại điều ông/bà thấy').fill(unique('Rác sau đồi'));
  await page.getByLabel('3. Ông/bà thấy khi nào?').fill(today());
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByLabel(/5\. Ảnh/).setInputFiles({ name: 'doi.jpg', mimeType: 'image/jpeg', buffer: original });

  // With JavaScript the POST is held until the page has shown what it is doing (a held
  // navigation POST does not resume reliably, so without JavaScript it is only watched).
  let release = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/report');
  if (jsEnabled())
    await page.route('**/report*', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await held;
      await route.continue();
    });
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  const sent: Request = await posted;
  if (jsEnabled()) {
    const body = sent.postDataBuffer()!;
    const photo = await sharp(jpegIn(body)).metadata();
    await expect(page.getByRole('status').filter({ hasText: /Đang gửi… \(ảnh [\d.]+ KB\)/ })).toBeVisible();
    expect(Math.max(photo.width!, photo.height!)).toBe(1600);
    expect(body.length).toBeLessThan(original.length / 3);
    console.log(`desk-photos: ${original.length} B chosen, ${body.length} B sent`);
  } else {
    // A navigation's file upload is not readable here; its length is.
    const length = Number((await sent.headerValue('content-length')) ?? NaN);
    if (!Number.isNaN(length)) expect(length).toBeGreaterThan(original.length);
  }
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  await expectAccessible(page);
});
