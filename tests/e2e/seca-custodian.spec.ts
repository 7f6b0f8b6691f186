import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, newUser, signIn, signInAs, visit } from './support';

/**
 * The custodian role takes two administrators: one proposes it on the person's roles page, the
 * request waits at /admin/custodians where the proposer cannot approve it, and a second
 * administrator approves; only then does the person hold the role.
 */
const suffix = () => Math.random().toString(36).slice(2, 8);
const PROVINCE = 'Hội Người cao tuổi tỉnh Lai Châu';
const TEMP = 'Tam-thoi-2026';

async function newAccount(page: Page, username: string, name: string): Promise<string> {
  await page.goto('/admin/accounts/new');
  // Typed before hydration, a server-rendered field can be reset by the client.
  await hydrated(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Mật khẩu tạm thời').fill(TEMP);
  await page.getByRole('button', { name: 'Thêm mới' }).click();
  await expect(page.getByRole('status')).toContainText('Đã tạo tài khoản.');
  return new URL(page.url()).pathname.replace(/\/$/, '');
}

async function grant(page: Page, accountPath: string, role: string) {
  await page.goto(`${accountPath}/roles`);
  await hydrated(page);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: role });
  const value = await page.locator('#f-organisation_id option', { hasText: PROVINCE }).first().getAttribute('value');
  await page.locator('#f-organisation_id').selectOption(value!);
  await page.getByRole('button', { name: 'Giao vai trò' }).click();
}

test('a second administrator approves the identity custodian role', { tag: '@pg' }, async ({ page, browser }) => {
  test.setTimeout(120_000);
  const s = suffix();
  const second = `quantri.hai${s}`;
  const target = `baomat.moi${s}`;
  const targetName = `Lò Thị Giữ ${s}`;
  await signInAs(page, 'quantri');
  const secondPath = await newAccount(page, second, `Quản trị Hai ${s}`);
  await grant(page, secondPath, 'Quản trị viên');
  await expect(page.getByRole('status')).toContainText('Đã giao vai trò.');
  const targetPath = await newAccount(page, target, targetName);

  await grant(page, targetPath, 'Người giữ bí mật danh tính');
  await expect(page.getByRole('status')).toContainText('Đã gửi yêu cầu cấp vai trò.');
  await expect(page.getByRole('heading', { name: 'Đang chờ phê duyệt' })).toBeVisible();
  await expect(page.getByText('Tài khoản chưa có vai trò nào.')).toBeVisible();
  await expectAccessible(page);

  // The proposer sees the request but has no button to approve it.
  await visit(page, '/admin/custodians');
  const mine = page.getByRole('listitem').filter({ hasText: targetName });
  await expect(mine).toContainText('Chờ quản trị viên khác');
  await expect(mine.getByRole('button')).toHaveCount(0);

  const other = await newUser(browser);
  await signIn(other, second, TEMP);
  await other.getByLabel('Mật khẩu hiện tại').fill(TEMP);
  await other.getByLabel('Mật khẩu mới', { exact: true }).fill('Mat-khau-rieng-2');
  await other.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-rieng-2');
  await other.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(other).toHaveURL(/\/account\?changed=1$/);
  await visit(other, '/admin');
  await other.getByRole('link', { name: 'Yêu cầu cấp quyền giữ danh tính' }).click();
  await expectAccessible(other);
  await other.getByRole('button', { name: `Phê duyệt quyền giữ danh tính cho ${targetName}` }).click();
  await expect(other.getByRole('status')).toContainText('Đã phê duyệt.');
  await expect(other.getByText(targetName)).toHaveCount(0);
  await expectAccessible(other);
  await other.context().close();

  await page.goto(`${targetPath}/roles`);
  await expect(page.getByRole('rowheader', { name: 'Người giữ bí mật danh tính' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Đang chờ phê duyệt' })).toHaveCount(0);
});
