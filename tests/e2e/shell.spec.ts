import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled, openMenu, signIn, visit } from './support';

test('home page is Vietnamese by default, switches to English, and is accessible', async ({ page }) => {
  await visit(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chung sức bảo vệ môi trường');
  await page.getByRole('link', { name: 'Chuyển sang tiếng Anh' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joining forces for the environment');
  await expectAccessible(page);
});

test('sign-in errors are specific, keep what was typed, and sign-in works', async ({ page }) => {
  await visit(page, '/login');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
  await expectAccessible(page);
  await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('canbo.doanket');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page.getByLabel('Tên đăng nhập hoặc số điện thoại')).toHaveValue('canbo.doanket');
  // The server never echoes a password back (with JS the browser simply keeps the field).
  if (!jsEnabled()) await expect(page.getByLabel('Mật khẩu')).toHaveValue('');
  await signIn(page, '0912000001'); // the same officer, by phone number
  await expect(page.getByText('Bạn đang đăng nhập là Nguyễn Văn Đức.')).toBeVisible();
  await expectAccessible(page);
  await openMenu(page);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('health check names the database in use', { tag: '@pg' }, async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe('ok');
  expect(body.database).toBe(test.info().project.name.startsWith('pg') ? 'postgresql' : 'sqlite');
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
