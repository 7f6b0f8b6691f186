import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, newUser, signIn, signInAs, visit } from './support';
import { operatorAccount, organisationId } from './operator';

/**
 * The custodian role takes two administrators: one proposes it on the person's roles page, the
 * request waits at /admin/custodians where the proposer cannot approve it, and a second
 * administrator approves; only then does the person hold the role. The second administrator and
 * the person concerned are set up by the operator at the server: an account the proposer created
 * is one they could sign in as, and an administrator they granted could not approve independently.
 */
const suffix = () => Math.random().toString(36).slice(2, 8);
const PROVINCE = 'Hội Người cao tuổi tỉnh Lai Châu';
const TEMP = 'Tam-thoi-2026';

/** The account's page, found in the accounts list by name. */
async function accountPath(page: Page, name: string): Promise<string> {
  await visit(page, '/admin/accounts');
  await page.getByRole('link', { name }).click();
  await page.waitForURL(/\/admin\/accounts\/[^/]+$/);
  return new URL(page.url()).pathname;
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
  test.setTimeout(300_000); // two CLI runs from the sources, on a loaded machine
  const s = suffix();
  const second = `quantri.hai${s}`;
  const target = `baomat.moi${s}`;
  const targetName = `Lò Thị Giữ ${s}`;
  operatorAccount(second, `Quản trị Hai ${s}`, TEMP, { role: 'administrator', org: await organisationId(PROVINCE) });
  operatorAccount(target, targetName, TEMP);
  await signInAs(page, 'quantri');
  const targetPath = await accountPath(page, targetName);

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
