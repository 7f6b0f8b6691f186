/** Public intake, retry safety, follow-up by receipt, and on-behalf entry (JS on and off). */
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, jsEnabled, signInAs, today, visit } from './support';

const tag = () => Math.random().toString(36).slice(2, 8);
const CODE = /^\d{4} \d{4} \d{4} \d{4}$/;

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6' } })
    .jpeg()
    .toBuffer();
}

async function fillBasics(page: Page, description: string) {
  await page.getByLabel('Đổ rác thải bừa bãi').check();
  await page.getByLabel('2. Kể lại điều ông/bà thấy').fill(description);
  await page.getByLabel('3. Ông/bà thấy khi nào?').fill(today());
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
}

async function receiptCode(page: Page): Promise<string> {
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(code).toMatch(CODE);
  return code;
}

test('an anonymous villager reports with a photo, gets a receipt and follows it', async ({ page }) => {
  await visit(page, '/report');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('alert')).toContainText('Hãy chọn loại vi phạm.');
  await expect(page.getByRole('alert')).toContainText('Hãy cho biết nơi xảy ra');
  await expectAccessible(page);
  // A short day February lacks is told as such (this year's), and stays as typed.
  await page.getByLabel('3. Ông/bà thấy khi nào?').fill('31/2');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('alert')).toContainText(`tháng 02/${today().slice(-4)} không có ngày 31`);
  await expect(page.getByLabel('3. Ông/bà thấy khi nào?')).toHaveValue('31/2');
  await expectAccessible(page);

  const text = `Rác đổ xuống suối sau bản ${tag()}`;
  await fillBasics(page, text);
  await page.getByLabel(/5\. Ảnh/).setInputFiles({ name: 'suoi.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  const code = await receiptCode(page);
  await expectAccessible(page);

  await visit(page, '/r');
  await page.getByLabel('Mã biên nhận').fill(code.replace(/ /g, ''));
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(page).toHaveURL(/\/r\/report$/);
  expect(page.url()).not.toContain(code.replace(/ /g, ''));
  await expect(page.getByTestId('status')).toHaveText('Mới gửi');
  await expect(page.getByRole('img', { name: 'Ảnh hiện trường số 1 (mở cỡ lớn)' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Lời nhắn').fill('Sáng nay vẫn còn rác.');
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByText('Đã gửi.')).toBeVisible();
  await expect(page.getByText('Sáng nay vẫn còn rác.')).toBeVisible();
  await expectAccessible(page);
});

test('a wrong receipt code is refused without a URL change', async ({ page }) => {
  await visit(page, '/r');
  await page.getByLabel('Mã biên nhận').fill('0000 0000 0000 0001');
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy báo cáo với mã này.');
  await expectAccessible(page);
});

test('a double submit or a retried POST returns the same receipt', { tag: '@pg' }, async ({ page, baseURL }) => {
  await visit(page, '/report');
  const text = `Đốt rác ven đường ${tag()}`;
  await fillBasics(page, text);
  const key = await page.locator('input[name=idempotency_key]').inputValue();
  const commune = await page.getByLabel('Xã, phường').inputValue();
  const category = await page.getByLabel('Đổ rác thải bừa bãi').inputValue();
  await page.getByRole('button', { name: 'Gửi báo cáo' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  const code = await receiptCode(page);
  // The network retry: the very same form posted again.
  const res = await page.request.post('/report', {
    headers: { origin: baseURL!, accept: 'text/html' },
    multipart: {
      idempotency_key: key,
      category_id: category,
      description: text,
      observed_on: today(),
      commune_id: commune,
      channel: 'phan_anh',
      protection: 'anonymous'
    }
  });
  const html = await res.text();
  expect(html).toContain('Báo cáo này đã được gửi trước đó');
  expect(html).toContain(code);
});

test('a branch leader reports on behalf of Lường Thị Ún', { tag: '@pg' }, async ({ page }) => {
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/report');
  await page.getByLabel('Báo thay một hội viên trong chi hội').check();
  await page.getByLabel('Hội viên đã thấy sự việc').selectOption({ label: 'Lường Thị Ún' });
  await page.getByLabel('Đồng ý bằng lời, có người làm chứng').check();
  await page.getByLabel('Tên người làm chứng').fill('Đỗ Thị Ánh');
  await fillBasics(page, `Bà Ún thấy xe đổ rác ở đầu bản ${tag()}`);
  await page.getByRole('radio', { name: /^Ghi tên tôi/ }).check();
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  await receiptCode(page);
  await expectAccessible(page);
});

test('with JavaScript, the map loads only when asked and sets a pin without tiles', async ({ page }) => {
  test.skip(!jsEnabled(), 'the map needs JavaScript; the pickers are tested above');
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await visit(page, '/report');
  expect(scripts.some((u) => /leaflet/i.test(u))).toBe(false);
  await page.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
  const map = page.getByRole('region', { name: 'Bản đồ chọn vị trí' });
  await expect(map.locator('.leaflet-interactive').first()).toBeVisible();
  await map.click({ position: { x: 150, y: 120 } });
  await expect(page.getByText(/Đã ghi vị trí:/)).toBeVisible();
  await expectAccessible(page);
});
