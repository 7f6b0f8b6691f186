import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, signInAs, visit } from './support';
import { operatorAccount } from './operator';

/**
 * The two-person rule as an administrator meets it: the administrator role for an account they
 * set up is refused, a protected account's password is not theirs to reset, and a request they
 * may make waits for another administrator while the identity custodian is told.
 */
const suffix = () => Math.random().toString(36).slice(2, 8);
const PROVINCE = 'Hội Người cao tuổi tỉnh Lai Châu';
const TEMP = 'Tam-thoi-2026';
const PROPOSER = 'Quản trị hệ thống'; // quantri's display name in the demo

async function newAccount(page: Page, username: string, name: string): Promise<string> {
  await page.goto('/admin/accounts/new');
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Mật khẩu tạm thời').fill(TEMP);
  await page.getByRole('button', { name: 'Thêm mới' }).click();
  await expect(page.getByRole('status')).toContainText('Đã tạo tài khoản.');
  return new URL(page.url()).pathname.replace(/\/$/, '');
}

async function askForAdministrator(page: Page, accountPath: string) {
  await visit(page, `${accountPath}/roles`);
  await hydrated(page);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Quản trị viên' });
  const value = await page.locator('#f-organisation_id option', { hasText: PROVINCE }).first().getAttribute('value');
  await page.locator('#f-organisation_id').selectOption(value!);
  await page.getByRole('button', { name: 'Giao vai trò' }).click();
}

test('the administrator role for an account the administrator created is refused', { tag: '@pg' }, async ({ page }) => {
  const s = suffix();
  await signInAs(page, 'quantri');
  const path = await newAccount(page, `quantri.moi${s}`, `Quản trị Mới ${s}`);
  await askForAdministrator(page, path);
  await expect(page.getByText('Không thể đề nghị vai trò này cho tài khoản do chính ông/bà tạo').first()).toBeVisible();
  // What was chosen stays chosen, and nothing was granted or queued.
  await expect(page.getByLabel('Vai trò', { exact: true }).locator('option:checked')).toHaveText('Quản trị viên');
  await expect(page.getByText('Tài khoản chưa có vai trò nào.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Đang chờ phê duyệt' })).toHaveCount(0);
  await expectAccessible(page);
});

test("an administrator may not reset the identity custodian's password", { tag: '@pg' }, async ({ page }, info) => {
  await signInAs(page, 'quantri');
  await visit(page, '/admin/accounts');
  await page.getByRole('link', { name: 'Phạm Thị Lan' }).click();
  await page.waitForURL(/\/admin\/accounts\/[^/]+$/);
  const accountPath = new URL(page.url()).pathname;
  await visit(page, `${accountPath}/password`);
  await hydrated(page);
  await page.getByLabel('Mật khẩu tạm thời').fill('Chiem-quyen-2026');
  await page.getByRole('button', { name: 'Đặt mật khẩu tạm thời' }).click();
  await expect(page.getByText('quản trị viên không được đặt lại mật khẩu').first()).toBeVisible();
  await expect(page.getByText('account reset-password').first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  // With JavaScript the typed password stays; without it the page never echoes a password back.
  if (info.project.name.endsWith('nojs')) await expect(page.getByLabel('Mật khẩu tạm thời')).toHaveValue('');
  else await expect(page.getByLabel('Mật khẩu tạm thời')).toHaveValue('Chiem-quyen-2026');
  await expectAccessible(page);
  // baomat still signs in with the old password.
  await page.context().clearCookies();
  await signInAs(page, 'baomat');
});

test('a request for the administrator role waits and the custodian is told', { tag: '@pg' }, async ({ page }, info) => {
  test.setTimeout(120_000);
  const s = suffix();
  const username = `canbo.xin${s}`;
  // An account the operator made at the server: quantri did not set it up, so may ask for it.
  operatorAccount(username, `Điêu Văn Xin ${s}`, TEMP);
  await signInAs(page, 'quantri');
  await visit(page, '/admin/accounts');
  await page.getByRole('link', { name: `Điêu Văn Xin ${s}` }).click();
  await page.waitForURL(/\/admin\/accounts\/[^/]+$/);
  const path = new URL(page.url()).pathname;
  await askForAdministrator(page, path);
  await expect(page.getByRole('status')).toContainText('Đã gửi yêu cầu cấp vai trò.');
  await expect(page.getByRole('heading', { name: 'Đang chờ phê duyệt' })).toBeVisible();
  await expect(page.getByText('Tài khoản chưa có vai trò nào.')).toBeVisible();
  await expectAccessible(page);

  await visit(page, '/admin/custodians');
  // The page lists administrator requests as well as custodian ones, and its heading says so.
  const heading = 'Yêu cầu cấp quyền giữ danh tính và quyền quản trị';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page).toHaveTitle(`${heading} — Chung Sức`);
  const mine = page.getByRole('listitem').filter({ hasText: `Điêu Văn Xin ${s}` });
  await expect(mine).toContainText('Chờ quản trị viên khác');
  await expect(mine.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('custodians-360.png'), fullPage: true });

  await page.context().clearCookies();
  await signInAs(page, 'baomat');
  await visit(page, '/notifications');
  const notice = page.getByRole('listitem').filter({ hasText: username });
  await expect(notice.first()).toContainText('Thay đổi quyền giữ danh tính hoặc quản trị');
  // The proposer is named as people know them, not by the username.
  await expect(notice.first()).toContainText(`${PROPOSER} đề nghị cấp vai trò quản trị cho tài khoản ${username}`);
  await page.screenshot({ path: info.outputPath('notifications-360.png'), fullPage: true });
});
