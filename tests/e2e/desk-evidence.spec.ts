/**
 * The case desk: an officer sees the photo and plays the voice note an elder sent, sees where
 * it happened, and publishes it after previewing and redacting what the public will read; the
 * elder sees on the follow-up page what they reported. JS on and off, axe on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, newUser, signInAs, visit } from './support';
import { fileThroughForm, withDb } from './report-workflow.db';

const tag = () => Math.random().toString(36).slice(2, 8);
const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(2048, 1)]);

/** A report as the elder's form sends it (photo + voice), filed under a village; returns id and receipt. */
async function elderReport(page: Page, description: string) {
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2a6' } })
    .jpeg()
    .toBuffer();
  const { id, html } = await fileThroughForm(page, description, {
    photos: { name: 'suoi.jpg', mimeType: 'image/jpeg', buffer: photo },
    voice: { name: 'voice.webm', mimeType: 'audio/webm', buffer: WEBM }
  });
  // The action answers as it does to the enhanced form; the receipt is in it either way.
  const receipt = /\d{4} \d{4} \d{4} \d{4}/.exec(html)?.[0];
  expect(receipt, 'the form answers with a receipt').toBeTruthy();
  await withDb(async (exec) => {
    const [v] = await exec(`select id from admin_unit where name = ?`, ['Bản Mẫu Một (demo)']);
    await exec(`update report set village_unit_id = ?, location_text = ? where id = ?`, [
      v.id,
      'Sau nhà văn hóa bản',
      id
    ]);
  });
  return { id, receipt: receipt!.trim() };
}

test('the officer sees the photo, plays the voice note, sees the place and publishes a redacted text', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  const word = tag();
  const description = `Ông Lò Văn Tám đổ rác xuống suối ${word}`;
  const { id, receipt } = await elderReport(page, description);
  const ref = id.slice(0, 8).toUpperCase();

  await signInAs(page, 'canbo.doanket');
  await visit(page, `/reports/${id}`);
  const thumb = page.getByRole('img', { name: 'Ảnh hiện trường số 1 (mở cỡ lớn)' });
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeLessThanOrEqual(320);
  await expect(page.locator('a', { has: thumb })).toHaveAttribute('href', /\/attachments\/[0-9a-f-]+$/);
  const audio = page.locator('audio[controls]');
  await expect(audio).toHaveAttribute('src', /\/attachments\//);
  const sound = await page.request.get((await audio.getAttribute('src'))!);
  expect(sound.headers()['content-type']).toBe('audio/webm');
  await expect(page.getByRole('link', { name: /Tải bản ghi âm/ })).toBeVisible();
  await expect(page.getByText('Bản Mẫu Một (demo)')).toBeVisible();
  await expect(page.getByText('Sau nhà văn hóa bản')).toBeVisible();
  await page.screenshot({ path: 'test-results/desk-report.png', fullPage: true });

  await page.getByRole('link', { name: 'Xem trước và công khai' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Công khai phản ánh ${ref}`);
  await expect(page.getByTestId('public-text')).toHaveText(description);
  await expectAccessible(page);
  await page.getByLabel('Nội dung sẽ công khai').fill(`Đổ rác xuống suối ${word}`);
  await page.getByRole('button', { name: 'Lưu nội dung công khai' }).click();
  await expect(page.getByTestId('public-text')).toHaveText(`Đổ rác xuống suối ${word}`);
  await page.getByRole('button', { name: 'Cho phép công khai ảnh' }).click();
  await expect(page.getByText('Đang cho phép công khai')).toBeVisible();
  await page.getByRole('button', { name: 'Công khai phản ánh' }).click();
  await expect(page.getByRole('button', { name: 'Thôi công khai', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Ảnh hiện trường 1 của phản ánh' }).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/desk-publish.png', fullPage: true });

  // The public sees the redacted text and the approved photo; the filter names four states.
  const visitor = await newUser(browser);
  await visit(visitor, `/reports-public?q=${word}`);
  await expect(visitor.getByText(`Đổ rác xuống suối ${word}`)).toBeVisible();
  await expect(visitor.getByText('Lò Văn Tám')).toHaveCount(0);
  await expect(visitor.getByLabel('Trạng thái').locator('option')).toHaveText([
    'Tất cả',
    'Đã tiếp nhận',
    'Đang xử lý',
    'Đã xử lý',
    'Không tiếp nhận'
  ]);

  // The elder's follow-up page shows what they reported, with their photo and voice note.
  await visit(visitor, '/r');
  await visitor.getByLabel('Mã biên nhận').fill(receipt);
  await visitor.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(visitor).toHaveURL(/\/r\/report$/);
  await expect(visitor.getByText(description)).toBeVisible();
  await expect(visitor.getByText('Bản Mẫu Một (demo)')).toBeVisible();
  await expect(visitor.locator('audio[controls]')).toHaveCount(1);
  await expect(visitor.getByRole('img', { name: 'Ảnh hiện trường số 1 (mở cỡ lớn)' })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.context().close();
});
