import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signIn, visit } from './support';
import { insertReport } from './report-workflow.db';

const suffix = () => Math.random().toString(36).slice(2, 8);

async function as(page: Page, username: string, path: string) {
  await page.context().clearCookies();
  await signIn(page, username);
  await visit(page, path);
}

async function submitted(page: Page, form: Locator, button: string | RegExp) {
  await form.getByRole('button', { name: button }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
}

test('a report goes from the commune Hội to the rangers and back with the outcome', async ({ page }) => {
  test.setTimeout(240_000); // five sign-ins and a dozen axe scans on a busy 2-core machine
  const description = `Chặt gỗ pơ mu ở khe suối ${suffix()}`;
  const { id } = await insertReport(description);
  const ref = id.slice(0, 8).toUpperCase();
  const url = `/reports/${id}`;

  // Association: the urgent report is in the queue; verification errors keep what was typed.
  await as(page, 'canbo.doanket', '/queue');
  await page.getByRole('link', { name: ref }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Phản ánh ${ref}`);
  await expect(page.getByText('Danh tính được bảo vệ')).toBeVisible();
  await expectAccessible(page);
  const verify = page.locator('form[action="?/verify"]');
  await verify.getByLabel('Kết quả xác minh').fill('Có dấu cưa mới, 3 gốc pơ mu');
  await verify.getByLabel('Có', { exact: true }).check();
  await verify.getByRole('button', { name: 'Xác nhận đã xác minh' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('#f-verify_visit_date')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('form[action="?/verify"]').getByLabel('Kết quả xác minh')).toHaveValue(
    'Có dấu cưa mới, 3 gốc pơ mu'
  );
  await expectAccessible(page);
  await page.locator('form[action="?/verify"]').getByLabel('Ngày đến hiện trường').fill('02/03/2026');
  await submitted(page, page.locator('form[action="?/verify"]'), 'Xác nhận đã xác minh');

  // Forward to the rangers, suggested by the routing rules.
  const forward = page.locator('form[action="?/forward"]');
  await expect(forward.getByLabel('Cơ quan xử lý')).toHaveValue(/.+/);
  await expect(forward.getByLabel('Cơ quan xử lý').locator('option:checked')).toContainText('Chi cục Kiểm lâm');
  await forward.getByLabel('Số văn bản chuyển').fill(`15/HNCT-${suffix()}`);
  await forward.getByLabel('Ngày văn bản').fill('03/03/2026');
  await submitted(page, forward, 'Chuyển');
  await expect(page.getByText('Đã chuyển cơ quan chức năng').first()).toBeVisible();
  await expectAccessible(page);

  // Agency: accept, then ask for an extension.
  await as(page, 'kiemlam', '/queue');
  await expect(page.getByRole('link', { name: ref })).toBeVisible();
  await visit(page, url);
  await submitted(page, page.locator('form[action="?/accept"]'), 'Thụ lý');
  await expectAccessible(page);
  await page.locator('form[action="?/extension"]').getByLabel('Lý do').fill('Chờ kết quả giám định loài gỗ');
  await submitted(page, page.locator('form[action="?/extension"]'), 'Gửi đề nghị gia hạn');

  // The agency manager approves it from the extension queue.
  await as(page, 'lanhdao.so', '/queue?tab=extensions');
  await page.getByRole('link', { name: ref }).click();
  await expectAccessible(page);
  await page.locator('form[action="?/decide"]').getByLabel('Quyết định').selectOption({ label: 'Đồng ý gia hạn' });
  await submitted(page, page.locator('form[action="?/decide"]'), 'Lưu quyết định');
  await expect(page.getByText(/Gia hạn được duyệt, hạn mới/)).toBeVisible();

  // Close with "violation confirmed" and a fine of 5.000.000 đồng.
  await as(page, 'kiemlam', url);
  const close = page.locator('form[action="?/close"]');
  await close.getByLabel('Kết quả', { exact: true }).selectOption({ label: 'Có vi phạm, đã xử phạt' });
  await close.getByLabel('Số quyết định xử phạt').fill('27/QĐ-XPHC');
  await close.getByLabel('Số tiền phạt (đồng)').fill('5.000.000');
  await close.getByLabel('Biện pháp khắc phục').fill('Trồng lại 300 cây');
  await submitted(page, close, 'Kết thúc và gửi kết quả');
  await expect(page.getByText('Phạt 5.000.000 đồng')).toBeVisible();
  await expectAccessible(page);

  // The association reads the outcome; its resolved event is visible to the reporter.
  await as(page, 'canbo.doanket', url);
  const resolved = page.locator('.timeline li').filter({ hasText: 'Đã có kết quả' });
  await expect(resolved).toContainText('Người phản ánh đọc được');
  await expect(page.getByText('Có vi phạm, đã xử phạt').first()).toBeVisible();
});
