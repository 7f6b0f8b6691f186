import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { expectAccessible, signInAs, visit } from './support';

const suffix = () => Math.random().toString(36).slice(2, 7);
const LETTERS = 'abcdefghik';
/** A name part made only of letters, so it survives folding and sorting unchanged. */
const uniqueWord = () =>
  'Thử' + Array.from({ length: 6 }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('');

async function submit(page: Page, name: RegExp | string) {
  await page.getByRole('button', { name }).click();
}

test('branch leader finds "Nguyễn Văn Đức" by typing "duc"', { tag: '@pg' }, async ({ page }) => {
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/people');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hội viên và người dân');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('duc');
  await submit(page, 'Tìm');
  await expect(page).toHaveURL(/q=duc/);
  await expect(page.getByRole('link', { name: 'Nguyễn Văn Đức' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name: 'Lò Văn Khăm' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nguyễn Văn Đức' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nguyễn Văn Đức');
  await expectAccessible(page);
});

test('branch leader adds a person (error first, values kept), records consent and ethnicity', async ({ page }) => {
  const name = `Lò Thị ${uniqueWord()}`;
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/people/new');
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Năm sinh').fill('1958');
  await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
  await page.getByLabel('Thôn, bản').selectOption({ label: 'Bản Mẫu Một (demo)' });
  await page.getByLabel('Số điện thoại').fill('12345');
  await page.getByLabel('Ngày vào hội').fill('31/02/2026');
  await submit(page, 'Lưu');
  await expect(page.getByRole('alert')).toContainText('Số điện thoại gồm 10 chữ số');
  await expect(page.getByRole('alert')).toContainText(
    'Ngày 31/02/2026 không có trong lịch: tháng 02/2026 không có ngày 31.'
  );
  await expect(page.getByLabel('Ngày vào hội')).toHaveValue('31/02/2026');
  await expect(page.getByLabel('Họ và tên')).toHaveValue(name);
  await expect(page.getByLabel('Năm sinh')).toHaveValue('1958');
  await expectAccessible(page);
  await page.getByLabel('Số điện thoại').fill('+84 912 000 777');
  await page.getByLabel('Ngày vào hội').fill('05/01/2026');
  await submit(page, 'Lưu');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('status')).toHaveText('Đã thêm người.');
  await expect(page.getByText('0912000777')).toBeVisible();
  await expectAccessible(page);

  // Without consent, sensitive data is refused with a specific message.
  await page.getByLabel('Dân tộc').fill('Thái');
  await submit(page, 'Lưu thông tin nhạy cảm');
  await expect(page.getByRole('alert')).toContainText('Chưa có sự đồng ý của người này');
  await expect(page.getByLabel('Dân tộc')).toHaveValue('Thái');

  await page.getByRole('link', { name: 'Ghi nhận sự đồng ý', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ghi nhận sự đồng ý');
  await expectAccessible(page);
  for (const radio of await page.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await page.getByLabel('Đồng ý bằng lời, có người làm chứng').check();
  await submit(page, 'Ghi nhận sự đồng ý');
  await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
  await expect(page.getByLabel('Đồng ý bằng lời, có người làm chứng')).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel('Họ tên người làm chứng').fill('Lò Văn Pọm');
  await submit(page, 'Ghi nhận sự đồng ý');
  await expect(page.getByRole('status')).toHaveText('Đã ghi nhận sự đồng ý.');
  await page.getByLabel('Dân tộc').fill('Thái');
  await submit(page, 'Lưu thông tin nhạy cảm');
  await expect(page.getByRole('status')).toHaveText('Đã lưu thông tin nhạy cảm.');
  await expect(page.getByLabel('Dân tộc')).toHaveValue('Thái');
  await expectAccessible(page);

  await submit(page, 'Rút lại sự đồng ý');
  await expect(page.getByRole('status')).toHaveText('Đã rút lại sự đồng ý và xóa thông tin nhạy cảm.');
  await expect(page.getByLabel('Dân tộc')).toHaveValue('');
});

test('association officer imports a member list: mapping → preview → confirm', { tag: '@pg' }, async ({ page }) => {
  const tag = uniqueWord();
  mkdirSync('test-results', { recursive: true });
  const file = `test-results/ds-hoi-vien-${suffix()}.xlsx`;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hội viên');
  ws.addRow([
    'STT',
    'Họ và tên',
    'Năm sinh',
    'Giới tính',
    'Thôn/bản',
    'Số điện thoại',
    'Số thẻ hội viên',
    'Ngày vào hội'
  ]);
  ws.addRow([1, `Quàng Văn ${tag}`, 1952, 'Nam', 'Bản Mẫu Hai', '0987 111 222', `E2E-${tag}-1`, '02/03/2016']);
  ws.addRow([2, `Lò Thị ${tag}`, 1956, 'Nữ', 'bản mẫu hai', '', `E2E-${tag}-2`, new Date(Date.UTC(2018, 5, 1))]);
  await wb.xlsx.writeFile(file);

  await signInAs(page, 'canbo.doanket');
  await visit(page, '/people/import');
  await submit(page, 'Tải lên');
  await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
  await page.getByLabel('Nhập vào chi hội').selectOption({ label: 'Chi hội NCT Bản Mẫu Hai (demo)' });
  await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles(file);
  await submit(page, 'Tải lên');

  await expect(page.locator('main').getByText('Bước 2/3: Ghép cột')).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel('Họ và tên')).toHaveValue('1');
  await expect(page.getByLabel('Ngày vào hội')).toHaveValue('7');
  await submit(page, 'Xem trước');

  await expect(page.locator('main').getByText('Bước 3/3: Xem trước và xác nhận')).toBeVisible();
  await expectAccessible(page);
  const row = page.getByRole('listitem').filter({ hasText: `Lò Thị ${tag}` });
  await expect(row).toContainText('Sẵn sàng nhập');
  await expect(row).toContainText('01/06/2018');
  await submit(page, 'Nhập tất cả 2 dòng');

  await expect(page.getByRole('status').first()).toHaveText('Đã nhập 2 người.');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(tag.toLowerCase());
  await submit(page, 'Tìm');
  await expect(page.getByRole('link', { name: `Quàng Văn ${tag}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Lò Thị ${tag}` })).toBeVisible();
  await expectAccessible(page);
});

test('association officer exports a person and anonymises them on request', async ({ page }) => {
  const name = `Vàng Thị ${uniqueWord()}`;
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/people/new');
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Năm sinh').fill('1957');
  await page.getByLabel('Chi hội quản lý').selectOption({ label: 'Chi hội NCT Bản Mẫu Một (demo)' });
  await page.getByLabel('Ngày vào hội').fill('01/02/2020');
  await page.getByLabel('Số thẻ hội viên').fill(`E2E-${suffix()}`);
  await submit(page, 'Lưu');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const personPath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Xem, in dữ liệu của người này' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dữ liệu cá nhân của ${name}`);
  await expect(page.getByRole('cell', { name: '01/02/2020' })).toBeVisible();
  await expectAccessible(page);
  const response = await page.request.get(`${personPath}/export.json`);
  expect(response.headers()['content-disposition']).toContain('attachment');
  expect((await response.json()).person.full_name).toBe(name);

  await visit(page, `${personPath}/anonymise`);
  await submit(page, 'Ẩn danh hồ sơ');
  await expect(page.getByRole('alert')).toContainText('Vui lòng đánh dấu xác nhận.');
  await expectAccessible(page);
  await page.getByLabel('Tôi xác nhận người này đã yêu cầu xóa dữ liệu').check();
  await submit(page, 'Ẩn danh hồ sơ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Người đã ẩn danh');
  await expect(page.getByText('1950', { exact: true })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expectAccessible(page);
});
