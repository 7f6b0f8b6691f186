import { expect, test } from '@playwright/test';
import { expectAccessible, newUser, signInAs, visit } from './support';

test('my account shows roles with organisations and signs out on all devices', async ({ page, browser }) => {
  await signInAs(page, 'lanhdao');
  await visit(page, '/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài khoản của tôi');
  await expect(page.getByText('Lãnh đạo / người xem tại Hội Người cao tuổi tỉnh Lai Châu')).toBeVisible();

  // A second device, then "sign out on all devices" from the first.
  const otherPage = await newUser(browser, 'lanhdao');
  await page.getByRole('button', { name: 'Đăng xuất trên mọi thiết bị' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/login\?next=%2Faccount$/);
  await otherPage.context().close();
});

test('password change checks the current password', async ({ page }) => {
  await signInAs(page, 'kiemlam');
  await visit(page, '/account/password');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
  await page.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Mat-khau-moi-9');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-moi-9');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu hiện tại không đúng.');
  await expectAccessible(page);
});
