import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, visit } from './support';

// A received-from/to date the queue cannot read is named, kept as typed and left out of the
// search (the list still shows), instead of being silently ignored.
test('the queue names a filter date that does not exist and keeps what was typed', async ({ page }) => {
  await signIn(page, 'canbo.doanket');
  await visit(page, '/queue');
  await page.getByLabel('Nhận từ ngày').fill('31/02/2026');
  await page.getByLabel('Đến ngày').fill('15/13/2026');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Ngày 31/02/2026 không có trong lịch');
  await expect(alert).toContainText('Không có tháng 13');
  await expect(page.getByLabel('Nhận từ ngày')).toHaveValue('31/02/2026');
  await expect(page.getByLabel('Nhận từ ngày')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Đến ngày')).toHaveValue('15/13/2026');
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Nhận từ ngày').fill('01/07/2025');
  await page.getByLabel('Đến ngày').fill('');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('table')).toBeVisible();
});
