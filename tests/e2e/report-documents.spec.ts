import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, jsEnabled, signIn, visit } from './support';
import { insertReport } from './report-workflow.db';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function as(page: Page, username: string, path: string) {
  await page.context().clearCookies();
  await signIn(page, username);
  await visit(page, path);
}

async function downloads(page: Page, href: string) {
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe(DOCX);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/report-${name}-${jsEnabled() ? 'js' : 'nojs'}.png`, fullPage: true });

test(
  'forwarding without a letter number issues a numbered forwarding slip to print',
  { tag: '@pg' },
  async ({ page }) => {
    test.setTimeout(180_000);
    const { id } = await insertReport(`Đốt nương sát bìa rừng ${Math.random().toString(36).slice(2, 8)}`);
    await as(page, 'canbo.doanket', `/reports/${id}`);
    const forward = page.locator('form[action="?/forward"]');
    await expect(forward.getByText('Để trống: Chung Sức cấp phiếu chuyển')).toBeVisible();
    await downloads(
      page,
      (await forward.getByRole('link', { name: 'Xem trước phiếu chuyển (.docx)' }).getAttribute('href'))!
    );
    await forward.getByRole('button', { name: 'Chuyển' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
    const issued = page.getByText(/Phiếu chuyển số \d{2}\/PC-HNCT, ngày/);
    await expect(issued).toBeVisible();
    const link = page.getByRole('link', { name: /Tải phiếu chuyển số \d{2}\/PC-HNCT/ });
    await downloads(page, (await link.getAttribute('href'))!);
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'slip');
  }
);

test('the joint program and the yearly plan are issued from their pages', { tag: '@pg' }, async ({ page }) => {
  test.setTimeout(180_000);
  await as(page, 'canbo.tinh', '/program/programs');
  await page.getByRole('link', { name: /giai đoạn 2022–2026/ }).click();
  await expect(page.getByRole('heading', { name: 'Văn bản' })).toBeVisible();
  await downloads(
    page,
    (await page.getByRole('link', { name: 'Tải chương trình liên tịch (.docx)' }).getAttribute('href'))!
  );
  const before = await page.getByText(/Đã ban hành số \d{2}\/CTr-HNCT-SNNMT/).count();
  await page.locator('form[action="?/issue"]').getByRole('button').click();
  await expect(page.getByText(/Đã ban hành số \d{2}\/CTr-HNCT-SNNMT/)).toHaveCount(before + 1, { timeout: 20_000 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(page, 'program');

  await page
    .getByRole('link', { name: /Kế hoạch năm 2026/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Văn bản' })).toBeVisible();
  await hydrated(page);
  const plans = await page.getByText(/Đã ban hành số \d{2}\/KH-/).count();
  await page.locator('form[action="?/issue"]').getByRole('button').click();
  await expect(page.getByText(/Đã ban hành số \d{2}\/KH-/)).toHaveCount(plans + 1, { timeout: 20_000 });
  await downloads(page, (await page.getByRole('link', { name: 'Tải kế hoạch (.docx)' }).getAttribute('href'))!);
  await expectAccessible(page);
});

test(
  'an organisation switches its reporting cut-off to calendar periods and back',
  { tag: '@pg' },
  async ({ page }) => {
    test.setTimeout(120_000);
    await as(page, 'canbo.tinh', '/program/reports');
    await page.getByRole('link', { name: 'Cách chốt số liệu' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cách chốt số liệu báo cáo');
    await expectAccessible(page);
    const org = page.getByLabel('Tổ chức lập báo cáo');
    const last = await org.locator('option').last().textContent();
    await org.selectOption({ label: last! });
    await page.getByLabel('Theo kỳ lịch (ngày 01 – cuối kỳ)').check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu cách chốt số liệu.');
    await expect(page.getByRole('row', { name: new RegExp(`${last}.*Theo kỳ lịch`) })).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'cutoff');
    await page.getByLabel('Tổ chức lập báo cáo').selectOption({ label: last! });
    await page.getByLabel('Theo Nghị định 09 (ngày 15 – ngày 14)').check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('row', { name: new RegExp(`${last}.*Nghị định 09`) })).toBeVisible();
    await expectAccessible(page);
  }
);
