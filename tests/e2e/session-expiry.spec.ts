import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, newUser, signIn, signInAs } from './support';

/**
 * A session that expires while a form is open (here: the same user signs out everywhere from
 * another device) must not lose what was typed: sign in again and the form comes back filled.
 */
test(
  'a form posted after the session expired comes back filled after signing in again',
  { tag: '@pg' },
  async ({ page, browser }) => {
    const address = `Tổ ${Math.floor(Math.random() * 1e6)}, Bản Mẫu Một`;
    await signInAs(page, 'chihoi.truong');
    await page.goto('/people?q=do+thi+anh');
    await page.getByRole('main').getByRole('link', { name: 'Đỗ Thị Ánh' }).first().click();
    await page.getByRole('main').getByRole('link', { name: 'Sửa' }).click();
    await page.getByLabel('Địa chỉ').fill(address);

    // Its own session through the form, so this test does not depend on how sessions are reused.
    const otherPage = await newUser(browser);
    await signIn(otherPage, 'chihoi.truong');
    await otherPage.goto('/account');
    await otherPage.getByRole('button', { name: 'Đăng xuất trên mọi thiết bị' }).click();
    await otherPage.context().close();

    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page).toHaveURL(/\/login\?expired=1/);
    await expect(page.getByText('Phiên đăng nhập đã hết hạn nên biểu mẫu chưa được lưu.')).toBeVisible();
    await expectAccessible(page);
    await hydrated(page);
    await page.getByLabel('Tên đăng nhập hoặc số điện thoại').fill('chihoi.truong');
    await page.getByLabel('Mật khẩu').fill('ChungSuc@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await expect(page.getByText('Đã điền lại những gì bạn nhập')).toBeVisible();
    await expect(page.getByLabel('Địa chỉ')).toHaveValue(address);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(address)).toBeVisible();
  }
);
