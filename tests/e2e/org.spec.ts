import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs, signOut, visit } from './support';

const DOAN_KET = 'Hội Người cao tuổi phường Đoàn Kết';

test(
  'a province officer creates, edits and closes a chi hội; another commune cannot open it',
  { tag: '@pg' },
  async ({ page }) => {
    const name = `Chi hội NCT thử ${Math.random().toString(36).slice(2, 8)}`;
    await signInAs(page, 'canbo.tinh');

    await visit(page, '/organisations');
    await page.getByLabel('Tìm theo tên').fill('doan ket');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await expect(page.getByRole('link', { name: DOAN_KET, exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: DOAN_KET, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DOAN_KET);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Thêm tổ chức trực thuộc' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Thêm tổ chức trực thuộc ${DOAN_KET}`);
    await expectAccessible(page);
    // Nothing filled in: specific errors, and what was typed stays.
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Vui lòng điền mục này.');
    await expect(summary).toContainText('Số điện thoại gồm 10 chữ số');
    await expect(page.getByLabel('Số điện thoại')).toHaveValue('12345');
    await expectAccessible(page);

    await page.getByLabel('Loại tổ chức').selectOption({ label: 'Chi hội' });
    await page.getByLabel('Tên tổ chức').fill(name);
    await page.getByLabel('Địa bàn').selectOption({ label: 'Bản Mẫu Hai (demo)' });
    await page.getByLabel('Ngày thành lập').fill('01/08/2025');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('status')).toHaveText('Đã thêm tổ chức.');
    await expect(page.getByRole('navigation', { name: 'Các cấp trực thuộc' })).toContainText(DOAN_KET);
    await expectAccessible(page);
    const orgUrl = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Sửa', exact: true }).click();
    await expectAccessible(page);
    await page.getByLabel('Ngày thành lập').fill('31/02/2025');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('alert')).toContainText('Ngày 31/02/2025 không có trong lịch');
    await expect(page.getByLabel('Tên tổ chức')).toHaveValue(name);
    await expectAccessible(page);
    await page.getByLabel('Ngày thành lập').fill('15/08/2025');
    await page.getByLabel('Địa chỉ').fill('Nhà văn hóa Bản Mẫu Hai');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu thay đổi.');
    await expect(page.getByText('Nhà văn hóa Bản Mẫu Hai')).toBeVisible();
    await expect(page.getByText('Từ 15/08/2025')).toBeVisible();

    await page.getByRole('link', { name: 'Giải thể, sáp nhập' }).click();
    await expectAccessible(page);
    await page.getByLabel('Ngày giải thể, sáp nhập').fill('01/08/2025');
    await page.getByRole('button', { name: 'Xác nhận giải thể' }).click();
    await expect(page.getByRole('alert')).toContainText('Ngày giải thể phải sau ngày thành lập.');
    await expectAccessible(page);
    await page.getByLabel('Ngày giải thể, sáp nhập').fill('01/01/2026');
    await page.getByLabel('Tổ chức kế thừa').selectOption({ label: 'Chi hội NCT Bản Mẫu Hai (demo)' });
    await page.getByRole('button', { name: 'Xác nhận giải thể' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã ghi nhận việc giải thể.');
    await expect(page.getByText('Tổ chức này đã thôi hoạt động từ ngày 01/01/2026.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Chi hội NCT Bản Mẫu Hai (demo)' }).first()).toBeVisible();
    await expectAccessible(page);

    await signOut(page);
    await signInAs(page, 'canbo.binhlu');
    const response = await page.goto(orgUrl);
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
    expect((await page.goto(`${orgUrl}/edit`))?.status()).toBe(404);
  }
);

test('the tree view nests organisations and the page hides buttons without write access', async ({ page }) => {
  await signInAs(page, 'kiemlam');
  await visit(page, '/organisations?view=tree&include_closed=1');
  await expect(page.getByRole('link', { name: 'Chi cục Kiểm lâm tỉnh Lai Châu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Thêm tổ chức' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Chi cục Kiểm lâm tỉnh Lai Châu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chi cục Kiểm lâm tỉnh Lai Châu');
  await expect(page.getByRole('link', { name: 'Sửa', exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test('the API answers JSON errors, accepts the session cookie and publishes its OpenAPI document', async ({
  page,
  request
}) => {
  const anonymous = await request.get('/api/v1/organisations');
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');
  const unknown = await request.get('/api/v1/no-such-thing');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('NOT_FOUND');
  const doc = await request.get('/api/v1/openapi.json');
  expect((await doc.json()).openapi).toBe('3.1.0');
  // Signed in through the web page, the same cookie authenticates API calls, scoped alike.
  await signInAs(page, 'canbo.doanket');
  const mine = await page.request.get('/api/v1/organisations?q=ban%20mau');
  expect(mine.status()).toBe(200);
  const names = (await mine.json()).items.map((o: { name: string }) => o.name);
  expect(names).toContain('Chi hội NCT Bản Mẫu Một (demo)');
  expect(names).not.toContain('Chi hội NCT Bản Mẫu Ba (demo)');
});
