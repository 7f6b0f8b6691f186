import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openMenu, signIn, signInAs, signOut, visit } from './support';

const suffix = () => Math.random().toString(36).slice(2, 8);

async function chooseOrganisation(page: Page, name: string) {
  const value = await page.locator('#f-organisation_id option', { hasText: name }).first().getAttribute('value');
  await page.locator('#f-organisation_id').selectOption(value!);
}

test('admin creates an account with a role; the user must change the password, then sees the role', async ({
  page
}) => {
  test.setTimeout(120_000); // a long walk-through: two accounts, a dozen pages, each scanned by axe
  const username = `canbo.e2e${suffix()}`;
  await signInAs(page, 'quantri');
  await visit(page, '/admin');
  await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài khoản');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Thêm tài khoản' }).click();
  await expectAccessible(page);

  // Bad input: specific messages, typed values kept (the password never).
  await page.getByLabel('Tên đăng nhập').fill('Cán bộ');
  await page.getByLabel('Họ và tên').fill('Lò Văn Thử');
  await page.getByLabel('Số điện thoại').fill('123');
  await page.getByLabel('Mật khẩu tạm thời').fill('ngan');
  await page.getByRole('button', { name: 'Thêm mới' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Tên đăng nhập gồm 3 đến 40 ký tự');
  await expect(summary).toContainText('Số điện thoại gồm 10 chữ số');
  await expect(summary).toContainText('Mật khẩu phải có ít nhất 8 ký tự.');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Lò Văn Thử');
  await expectAccessible(page);

  // A taken username is reported on its field.
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Số điện thoại').fill('');
  await page.getByLabel('Mật khẩu tạm thời').fill('Tam-thoi-2026');
  await page.getByRole('button', { name: 'Thêm mới' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập này đã có người dùng.');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Lò Văn Thử');

  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu tạm thời').fill('Tam-thoi-2026');
  await page.getByRole('button', { name: 'Thêm mới' }).click();
  await expect(page.getByRole('status')).toContainText('Đã tạo tài khoản.');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Vai trò', exact: true }).click();
  await expect(page.getByText('Tài khoản chưa có vai trò nào.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Cán bộ Hội' });
  await chooseOrganisation(page, 'Hội Người cao tuổi phường Đoàn Kết');
  await page.getByRole('button', { name: 'Giao vai trò' }).click();
  await expect(page.getByRole('status')).toContainText('Đã giao vai trò.');
  await expect(page.getByRole('cell', { name: 'Hội Người cao tuổi phường Đoàn Kết', exact: true })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The new user is held on the password form until the password is changed.
  await signIn(page, username, 'Tam-thoi-2026');
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/account\/password$/);
  // With JavaScript this is a client-side navigation (a data request), redirected the same way.
  await openMenu(page);
  await page.getByRole('link', { name: 'Địa bàn' }).first().click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText('Bạn cần đặt mật khẩu mới trước khi tiếp tục.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Mật khẩu hiện tại').fill('Tam-thoi-2026');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(username);
  await page.getByLabel('Nhập lại mật khẩu mới').fill('khac-han-nhau');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu mới không được trùng với tên đăng nhập.');
  await expect(page.getByRole('alert')).toContainText('Hai lần nhập mật khẩu mới không giống nhau.');
  await expectAccessible(page);
  await page.getByLabel('Mật khẩu hiện tại').fill('Tam-thoi-2026');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Mat-khau-rieng-1');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-rieng-1');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/account\?changed=1$/);
  await expect(page.getByText('Cán bộ Hội tại Hội Người cao tuổi phường Đoàn Kết')).toBeVisible();
  await expectAccessible(page);
  await visit(page, '/');
  await expect(page.getByText('Bạn đang đăng nhập là Lò Văn Thử.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Cán bộ Hội' })).toBeVisible();

  // The administrator finds the events in the audit log.
  await signOut(page);
  await signInAs(page, 'quantri');
  await visit(page, '/admin/audit');
  await page.getByLabel('Loại dữ liệu').selectOption('account');
  await page.getByLabel('Người thực hiện').fill('quantri');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/entity_type=account/);
  await expect(
    // The field by its label, not its column name.
    page.getByRole('cell', {
      name: new RegExp(`Tên đăng nhập: \\(trống\\) → ${username.replace('.', '\\.')}`)
    })
  ).toBeVisible();
  await expectAccessible(page);
  // An impossible day gets the calendar message, a month that does not exist its own, both kept as typed.
  await page.getByLabel('Từ ngày').fill('31/02/2026');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByRole('alert')).toContainText('Ngày 31/02/2026 không có trong lịch');
  await expect(page.getByLabel('Từ ngày')).toHaveValue('31/02/2026');
  await expectAccessible(page);
  await page.getByLabel('Từ ngày').fill('1/13/2026');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByRole('alert')).toContainText('Không có tháng 13');
  await page.getByLabel('Từ ngày').fill('ngày mai');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByRole('alert')).toContainText('Ngày phải theo dạng ngày/tháng/năm');
  await expect(page.getByLabel('Từ ngày')).toHaveValue('ngày mai');
});

test('admin resets a password and manages API tokens', async ({ page }) => {
  await signInAs(page, 'quantri');
  // A token acts as its account: an administrator mints tokens only for their own account.
  await visit(page, '/admin/accounts?q=tan van vang');
  await page.getByRole('link', { name: 'Tẩn Văn Vàng' }).click();
  await page.getByRole('link', { name: 'Mã truy cập API' }).click();
  await expectAccessible(page);
  await page.getByLabel('Tên gợi nhớ').fill('Thay mặt');
  await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  await expect(page.getByRole('alert')).toContainText('chỉ tạo được cho tài khoản của chính mình');
  await expect(page.getByRole('status')).toHaveCount(0);
  await expectAccessible(page);

  await visit(page, '/admin/accounts?q=quantri');
  await page.locator('#main').getByRole('link', { name: 'Quản trị hệ thống' }).click();
  await page.getByRole('link', { name: 'Mã truy cập API' }).click();
  await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
  const name = `Đồng bộ ${suffix()}`;
  await page.getByLabel('Tên gợi nhớ').fill(name);
  await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  await expect(page.getByRole('status')).toContainText(/cs_[a-z2-7]{32}/);
  await expectAccessible(page);
  await page.getByRole('button', { name: `Thu hồi mã ${name}` }).click();
  await expect(page.getByRole('status')).toContainText('Đã thu hồi mã truy cập.');
  await expect(page.getByRole('row', { name })).toHaveCount(0);

  await visit(page, '/admin/accounts?q=tan van vang');
  await page.getByRole('link', { name: 'Tẩn Văn Vàng' }).click();
  await page.getByRole('link', { name: 'Đặt lại mật khẩu' }).click();
  await expectAccessible(page);
  await page.getByLabel('Mật khẩu tạm thời').fill('canbo.binhlu');
  await page.getByRole('button', { name: 'Đặt mật khẩu tạm thời' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không được trùng với tên đăng nhập.');
  await expectAccessible(page);
});

test('the admin area answers 404 to non-administrators and sends visitors to sign in', async ({ page }) => {
  await page.goto('/admin/accounts');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faccounts$/);
  await signInAs(page, 'canbo.tinh');
  for (const path of ['/admin', '/admin/accounts', '/admin/audit']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  }
  await expectAccessible(page);
});
