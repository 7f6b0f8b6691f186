import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, signInAs, visit } from './support';

/**
 * A refused photo on the activity form says why in Vietnamese under the photo field, keeps
 * everything else typed, and the corrected post (same one-time key) saves the activity.
 * Runs with JavaScript on and off (the sqlite-js and sqlite-nojs projects).
 */
const unique = () => 'Ảnh' + Math.random().toString(36).slice(2, 8);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
);
// A JPEG's first bytes, then padding past the 10 MB limit.
const TOO_BIG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 + 1)]);

async function fillAndSend(page: Page, note: string, photo: { name: string; mimeType: string; buffer: Buffer }) {
  await visit(page, '/program/activities/new');
  await page.getByRole('checkbox', { name: 'Rác thải' }).check();
  await page.getByLabel('Tổng số người').fill('35');
  await page.getByLabel('Trong đó người cao tuổi').fill('20');
  await page.getByLabel('Ghi chú').fill(note);
  await page.getByLabel('Ảnh (tối đa 5 ảnh)').setInputFiles(photo);
  await page.getByRole('button', { name: 'Lưu' }).click();
}

async function expectRefusedAndKept(page: Page, note: string, message: RegExp) {
  const photo = page.getByLabel('Ảnh (tối đa 5 ảnh)');
  const error = page.locator('#f-photos-error');
  await expect(error).toHaveText(message);
  await expect(photo).toHaveAttribute('aria-invalid', 'true');
  await expect(photo).toHaveAttribute('aria-describedby', /f-photos-error/);
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(page.getByLabel('Tổng số người')).toHaveValue('35');
  await expect(page.getByLabel('Trong đó người cao tuổi')).toHaveValue('20');
  await expect(page.getByLabel('Ghi chú')).toHaveValue(note);
  await expect(page.getByRole('checkbox', { name: 'Rác thải' })).toBeChecked();
  await expectAccessible(page);
}

test('an SVG renamed .jpg is refused under the photo field; the retry with a real photo saves it', async ({ page }) => {
  const note = unique();
  await signInAs(page, 'chihoi.truong');
  await fillAndSend(page, note, { name: 'anh-bai-rac.jpg', mimeType: 'image/jpeg', buffer: SVG });
  await expectRefusedAndKept(page, note, /không phải ảnh JPEG, PNG, WebP hay HEIC/);

  const real = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .jpeg()
    .toBuffer();
  await page.getByLabel('Ảnh (tối đa 5 ảnh)').setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: real });
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu hoạt động.');
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.locator('img[src^="/program/activities/media/"]')).toHaveCount(1);
  await expectAccessible(page);
});

test('a photo over 10 MB is refused under the photo field, keeping what was typed', async ({ page }) => {
  const note = unique();
  await signInAs(page, 'chihoi.truong');
  await fillAndSend(page, note, { name: 'anh-lon.jpg', mimeType: 'image/jpeg', buffer: TOO_BIG });
  await expectRefusedAndKept(page, note, /nhỏ hơn 10 MB/);
});
