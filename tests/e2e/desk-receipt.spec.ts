/**
 * The elder keeps the receipt (reload, copy, print card), finds reports from the menu; the
 * form takes dates as typed, marks required fields and names each field in the error summary;
 * a member finds their reports without a code; the short reference opens a report.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled, openMenu, signInAs, today, visit } from './support';

const tag = () => Math.random().toString(36).slice(2, 8);

test('the form marks required fields, names them in page order, and reads "hôm qua"', async ({ page }) => {
  await visit(page, '/report');
  await expect(page.getByLabel(/3\. Ông\/bà thấy khi nào\?/)).toHaveValue(today());
  await expect(page.getByText('(bắt buộc)').first()).toBeVisible();
  await page.getByLabel(/3\. Ông\/bà thấy khi nào\?/).fill('');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  const items = page.getByRole('alert').getByRole('listitem');
  await expect(items.first()).toContainText('1. Ông/bà thấy việc gì?');
  const texts = await items.allTextContents();
  const at = (s: string) => texts.findIndex((t) => t.includes(s));
  expect(at('2. Kể lại')).toBeLessThan(at('3. Ông/bà thấy khi nào?'));
  expect(at('3. Ông/bà thấy khi nào?')).toBeLessThan(at('4. Ở đâu?'));
  await expectAccessible(page);

  await page.getByLabel('Đổ rác thải bừa bãi').check();
  await page.getByLabel(/2\. Kể lại điều ông\/bà thấy/).fill(`Rác đổ ven suối ${tag()}`);
  await page.getByLabel(/3\. Ông\/bà thấy khi nào\?/).fill('hôm qua');
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();
  await expectAccessible(page);

  if (jsEnabled()) {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Chép mã' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã chép mã biên nhận.' })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('receipt-code')).toHaveText(code);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText('Giữ tờ này.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Chép mã' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  }
  // The menu leads to the follow-up page.
  await openMenu(page);
  await page.getByRole('link', { name: 'Tra cứu phản ánh' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Theo dõi báo cáo');
});

test('a branch leader reports for a member without touching the protection, then finds it in "Phản ánh của tôi"', async ({
  page
}) => {
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/report');
  await page.getByLabel('Báo thay một hội viên trong chi hội').check();
  await page.getByLabel('Hội viên đã thấy sự việc').selectOption({ label: 'Lường Thị Ún' });
  await page.getByLabel('Ký tên').check();
  const text = `Bà Ún thấy đốt rác ${tag()}`;
  await page.getByLabel('Đốt rác, chất thải').check();
  await page.getByLabel(/2\. Kể lại điều ông\/bà thấy/).fill(text);
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');

  await openMenu(page);
  await page.getByRole('link', { name: 'Phản ánh của tôi' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phản ánh của tôi');
  await expectAccessible(page);
  const item = page.getByRole('listitem').filter({ hasText: 'nhập thay hội viên' }).first();
  await expect(item).toContainText('Mới gửi');
  await item.getByRole('button', { name: /Xem phản ánh/ }).click();
  await expect(page).toHaveURL(/\/r\/report$/);
  await expect(page.getByText(text)).toBeVisible();
  await expectAccessible(page);
});

test('an officer opens a report by the short reference read out over the phone', async ({ page }) => {
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/queue');
  const link = page
    .locator('a[href*="/reports/"]')
    .filter({ hasText: /^[0-9A-F]{8}$/ })
    .first();
  const ref = (await link.textContent())!.trim();
  await visit(page, `/reports/${ref}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Phản ánh ${ref}`);
  expect((await page.request.get(`/reports/ZZZZ1234`, { maxRedirects: 0 })).status()).toBe(404);
});

test('the receipt code is texted to the phone the reporter left, when they tick it', async ({ page }) => {
  const phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await visit(page, '/report');
  await page.getByLabel('Đổ rác thải bừa bãi').check();
  await page.getByLabel(/2\. Kể lại điều ông\/bà thấy/).fill(`Rác dưới chân cầu ${tag()}`);
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByLabel(/Giữ kín danh tính/).check();
  await page.getByLabel('Họ và tên').fill('Lò Thị Thử');
  await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(phone);
  await page.getByLabel(/Gửi mã biên nhận qua SMS/).check();
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  await expect(page.getByTestId('receipt-sms')).toContainText('Đã gửi mã biên nhận qua SMS');
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();
  await expectAccessible(page);
  const texts = (await (await page.request.get(`${process.env.SMS_SENT_URL}?to=${phone}`)).json()) as {
    text: string;
  }[];
  expect(texts).toHaveLength(1);
  expect(texts[0].text).toContain(code);
});
