import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './support';

// The demo seed holds Lai Châu and its 38 communes from 01/07/2025 (no pre-2025 units).
test('units can be browsed as of a date, searched without diacritics, and opened', { tag: '@pg' }, async ({ page }) => {
  await visit(page, '/units?at=2025-06-30&level=commune');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Địa bàn hành chính');
  await expect(page.getByRole('status')).toHaveText('Không có kết quả nào.');

  await page.getByLabel('Tại ngày').fill('2025-07-01');
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByRole('table')).toContainText('Địa bàn có hiệu lực ngày 01/07/2025: 38 kết quả');
  await expect(page.getByLabel('Cấp')).toHaveValue('commune');
  // Vietnamese order: "Bum Tở" (B) comes before "Đoàn Kết" (Đ after D).
  const names = await page.locator('tbody th').allTextContents();
  expect(names.indexOf('Xã Bum Tở')).toBeLessThan(names.indexOf('Xã Dào San'));
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Trang sau' }).click();
  await expect(page.getByText('Trang 2 trên 2')).toBeVisible();

  await page.getByLabel('Tên địa bàn').fill('doan ket');
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByRole('table')).toContainText('1 kết quả');
  await expect(page.getByLabel('Tên địa bàn')).toHaveValue('doan ket');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Phường Đoàn Kết' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phường Đoàn Kết');
  await expect(page.getByRole('link', { name: 'Tỉnh Lai Châu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bản Mẫu Một (demo)' })).toBeVisible();
  await expectAccessible(page);

  // Before the reform the commune did not exist yet, so it had no villages.
  await page.getByLabel('Xem đơn vị trực thuộc tại ngày').fill('2025-06-30');
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByText('Không có đơn vị trực thuộc vào ngày này.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Tỉnh Lai Châu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh Lai Châu');
  await expectAccessible(page);
});

test('a bad date is reported in the error summary and what was typed is kept', async ({ page }) => {
  await visit(page, '/units?at=31/02/2025&q=tan');
  await expect(page.getByRole('alert')).toContainText('Ngày 31/02/2025 không có trong lịch');
  await expect(page.getByLabel('Tên địa bàn')).toHaveValue('tan');
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('the units API answers JSON, also for bad input', async ({ request }) => {
  const ok = await request.get('/api/v1/units?level=commune&at=2025-07-01&q=doan%20ket');
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.items.map((u: { code: string }) => u.code)).toEqual(['03388']);
  const bad = await request.get('/api/v1/units?level=hamlet');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('VALIDATION');
});
