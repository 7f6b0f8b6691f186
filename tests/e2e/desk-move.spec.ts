/**
 * Correcting the commune of a report filed in the wrong place: the Đoàn Kết officer opens
 * "Sửa xã, phường", is told in Vietnamese what is missing (each error names its field), moves
 * it to Bình Lư with a reason and lands back on the queue (the report is no longer theirs:
 * 404); the Bình Lư officer finds it, with the correction in its history. JS on and off, axe
 * on every page, at 360 px.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, follow, hydrated, signInAs, unique, visit } from './support';
import { insertReport } from './report-workflow.db';

test('a report filed under the wrong commune is moved to the right one', { tag: '@pg' }, async ({ page }) => {
  test.setTimeout(180_000);
  const description = unique('Chặt gỗ nhầm xã');
  const { id } = await insertReport(description);
  const ref = id.slice(0, 8).toUpperCase();

  await signInAs(page, 'canbo.doanket');
  await visit(page, `/reports/${id}`);
  await hydrated(page);
  await page.getByText('Sửa xã, phường (ghi nhầm nơi)').click();
  await expect(page.getByRole('heading', { name: 'Sửa xã, phường của phản ánh' })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen, no reason: both named, in the page's order.
  await page.getByRole('button', { name: 'Chuyển sang xã, phường đã chọn' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('listitem')).toHaveText([
    /^Xã, phường đúng:\s*Xin chọn xã, phường\.$/,
    /^Lý do sửa:\s*Xin ghi lý do sửa xã, phường\.$/
  ]);
  await expectAccessible(page);

  // Choosing the commune lists its villages (a GET round trip), the form stays open.
  await hydrated(page);
  await page.getByLabel('Xã, phường đúng').selectOption({ label: 'Xã Bình Lư' });
  await page.getByRole('button', { name: 'Xem thôn, bản của xã đã chọn' }).click();
  await expect(page).toHaveURL(/commune_id=/);
  await expect(page.getByRole('heading', { name: 'Sửa xã, phường của phản ánh' })).toBeVisible();
  await expect(page.getByLabel('Xã, phường đúng')).toHaveValue(/[0-9a-f-]{36}/);
  await expectAccessible(page);

  // With a reason it moves, and the officer is back on the queue: the report is no longer theirs.
  await hydrated(page);
  await page.getByLabel('Lý do sửa').fill('Người phản ánh chọn nhầm xã; bãi gỗ ở Bình Lư');
  await page.screenshot({ path: 'test-results/desk-move-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Chuyển sang xã, phường đã chọn' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã chuyển phản ánh ${ref}` })).toBeVisible();
  await expect(page).toHaveURL(/\/queue\?moved=/);
  await expectAccessible(page);
  const gone = await page.request.get(`/reports/${id}`);
  expect(gone.status()).toBe(404);

  await signInAs(page, 'canbo.binhlu');
  await visit(page, `/queue?q=${ref}`);
  const row = page.getByRole('row').filter({ hasText: ref });
  await follow(page, row.getByRole('link', { name: ref }));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ref);
  await expectAccessible(page);
  const history = page.locator('.timeline');
  await expect(history).toContainText('Sửa xã, phường');
  await expect(history).toContainText(/Từ .*Đoàn Kết sang .*Bình Lư/);
  await expect(history).toContainText('Người phản ánh chọn nhầm xã');

  // The audit log names the fields and the places, not columns and ids.
  await signInAs(page, 'quantri');
  await visit(page, `/admin/audit?q=${id}`);
  const moved = page.getByRole('row').filter({ hasText: 'Sửa xã, phường của phản ánh' });
  await expect(moved).toContainText(/Xã\/phường:\s*Phường Đoàn Kết\s*→\s*Xã Bình Lư/);
  await expect(moved).toContainText('Hội tiếp nhận');
  await expect(moved).not.toContainText('commune_unit_id');
  await expect(moved).toContainText('Hạn xử lý');
});
