import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, jsEnabled, newUser, signInAs, unique, visit } from './support';

/** A short mono WAV (a tone), as a recorder would hand an officer. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const n = Math.round(seconds * rate);
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return b;
}

const listenButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: 'Nghe' });

test('the public library filters by language and plays, downloads and seeks a recorded reading', async ({ page }) => {
  await visit(page, '/tai-lieu');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài liệu tuyên truyền');
  // On a phone the filters are folded away, so the first materials are on the first screen.
  const firstMaterial = page.locator('main .materials h2').first();
  expect((await firstMaterial.boundingBox())!.y).toBeLessThan(740);
  await expect(page.getByLabel('Ngôn ngữ')).toBeHidden();
  await page.getByText('Lọc tài liệu').click();
  await page.getByLabel('Ngôn ngữ').selectOption('mong');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.waitForURL(/language=mong/);
  const law = page.getByRole('link', { name: 'Tóm tắt Luật Bảo vệ môi trường năm 2020' });
  await expect(law).toBeVisible();
  await expect(page.getByRole('link', { name: /Tờ rơi: Giữ rừng/ })).toHaveCount(0);
  // A filter in use keeps the filters open and says so; two selects to a row at 360 px.
  await expect(page.getByText('(1 điều kiện)')).toBeVisible();
  await expect(page.getByLabel('Ngôn ngữ')).toHaveValue('mong');
  const [topic, language] = [
    await page.getByLabel('Chủ đề').boundingBox(),
    await page.getByLabel('Ngôn ngữ').boundingBox()
  ];
  expect(Math.abs(topic!.y - language!.y)).toBeLessThan(2);
  await page.screenshot({ path: 'test-results/public-library-filters.png' });
  // Three selects and the button in two rows (stacked, they took about 370 px).
  expect((await page.locator('details').filter({ hasText: 'Lọc tài liệu' }).boundingBox())!.height).toBeLessThan(260);
  await expectAccessible(page);

  await visit(page, '/tai-lieu?kind=loudspeaker_script');
  await page.getByRole('link', { name: 'Bài phát thanh: Không đốt rác, phân loại rác tại nhà' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Không đốt rác/);
  // Recorded audio: a plain player with its duration and a download link, with or without JavaScript.
  await expect(page.locator('audio').first()).toHaveAttribute('src', /^\/tai-lieu\/nghe\//);
  // A reading of the script itself (tens of seconds), not a few seconds of tone.
  await expect(page.getByText(/^Nghe \(0:[3-5]\d, /).first()).toBeVisible();
  const download = page.getByRole('link', { name: /Tải tệp âm thanh MP3 \(\d+ KB\)/ }).first();
  await expect(download).toBeVisible();
  await expect(page.getByText(/Đã dùng trong \d+ buổi tuyên truyền/)).toBeVisible();
  await expectAccessible(page);
  const href = (await download.getAttribute('href'))!;
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('audio/mpeg');
  expect(file.headers()['content-disposition']).toContain('attachment');
  const part = await page.request.get(href.replace('?tai=1', ''), { headers: { range: 'bytes=0-99' } });
  expect(part.status()).toBe(206);
  expect((await part.body()).length).toBe(100);
});

test('"Nghe" is never a button that does nothing: absent without a voice or a recording', async ({ page }) => {
  // Headless Chromium has no speech voices; pages without a recording show no button.
  for (const path of ['/report', '/r', '/tin']) {
    await visit(page, path);
    if (jsEnabled()) await hydrated(page);
    await expect(listenButton(page)).toHaveCount(0);
  }
  await page.locator('a[href^="/tin/"]:not([href$=".xml"])').first().click();
  await page.waitForURL(/\/tin\/.+/);
  await expect(listenButton(page)).toHaveCount(0);
  await expect(page.locator('audio')).toHaveCount(0);
  await expectAccessible(page);
  await visit(page, '/tai-lieu?language=mong');
  await page.getByRole('link', { name: 'Tóm tắt Luật Bảo vệ môi trường năm 2020' }).click();
  // The Mông text has no recording: no player and no button in its section.
  const mong = page.getByRole('region', { name: 'Tiếng Mông' });
  await expect(mong.locator('audio')).toHaveCount(0);
  await expect(mong.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Tiếng Việt' }).locator('audio')).toHaveCount(1);
});

test(
  'an officer adds a material with a recording, ties it to the follow-up page, and the public hears it there',
  { tag: '@pg' },
  async ({ page, browser }) => {
    const title = unique('Bài loa ');
    await signInAs(page, 'canbo.tinh');
    await visit(page, '/library/new');
    await page.getByLabel('Loại tài liệu').selectOption('loudspeaker_script');
    await page.getByLabel('Nguồn nước').check();
    await page.getByLabel('Bản đọc cho trang').selectOption('follow_up');
    await page.getByLabel('Tiêu đề').fill(title);
    // A page posted as a recording is refused by its bytes, keeping what was typed.
    await page.getByLabel('Bản ghi âm (không bắt buộc)').setInputFiles({
      name: 'doc.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from('<html><body>not audio</body></html>')
    });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này');
    await page.getByLabel('Nội dung').fill('Kính thưa bà con, hãy giữ sạch nguồn nước.');
    await page.getByLabel('Bản ghi âm (không bắt buộc)').setInputFiles({
      name: 'doc.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from('<html><body>not audio</body></html>')
    });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('alert')).toContainText('không phải là âm thanh');
    await expect(page.getByLabel('Tiêu đề')).toHaveValue(title);
    await expectAccessible(page);
    await page
      .getByLabel('Bản ghi âm (không bắt buộc)')
      .setInputFiles({ name: 'ghi-am.wav', mimeType: 'audio/wav', buffer: wav(1.5) });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/library\/[0-9a-f-]+\?saved=1/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Bản ghi âm: 0:02,')).toBeVisible();
    await expect(page.getByRole('link', { name: /Tải bản gốc đã tải lên/ })).toBeVisible();
    await expectAccessible(page);

    // The follow-up page now has recorded audio: a player even without JavaScript.
    const reader = await newUser(browser);
    await visit(reader, '/r');
    await expect(reader.locator('audio')).toHaveAttribute('src', /^\/tai-lieu\/nghe\//);
    await visit(reader, '/tai-lieu');
    await expect(reader.getByRole('link', { name: title })).toBeVisible();

    // Untie it again so other runs of the page see no recording.
    await visit(page, new URL(page.url()).pathname);
    await page.getByLabel('Bản đọc cho trang').selectOption('');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByText('Đã lưu.')).toBeVisible();
    await visit(reader, '/r');
    await expect(reader.locator('audio')).toHaveCount(0);
  }
);
