import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { officeMemberList, type ListRow } from '../support/member-list';
import { bombXlsx } from '../support/zip';
import { expectAccessible, jsEnabled, signInAs, unique, visit } from './support';

/** Writes the office's member list and uploads it into the demo branch, up to the mapping step. */
async function upload(page: Page, name: string, rows: ListRow[]) {
  mkdirSync('test-results', { recursive: true });
  const file = `test-results/${name}.xlsx`;
  writeFileSync(file, await officeMemberList(rows));
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/people/import');
  await page.getByLabel('Nhập vào chi hội').selectOption({ label: 'Chi hội NCT Bản Mẫu Một (demo)' });
  await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles(file);
  await page.getByRole('button', { name: 'Tải lên' }).click();
}

test(
  'an office member list: unknown village created, good rows imported, bad rows downloaded',
  { tag: '@pg' },
  async ({ page }) => {
    const tag = unique();
    await upload(page, `ds-van-phong-${tag}`, [
      { name: `Lò Thị ${tag}`, born: 1950, sex: 'Nữ', village: 'Bản Mẫu Một', phone: 912345678, joined: '5/3/2015' },
      {
        name: `Tòng Văn ${tag}`,
        born: 1952,
        sex: 'Nam',
        village: `Bản Mới ${tag}`,
        joined: new Date(Date.UTC(2016, 0, 2))
      },
      { name: `Sai Ngày ${tag}`, born: 1950, village: 'Bản Mẫu Một', joined: '31/02/2015' }
    ]);
    // Columns pre-mapped from the merged two-row header.
    await expect(page.getByLabel('Số điện thoại')).toHaveValue('5');
    await expect(page.getByLabel('Thôn, bản')).toHaveValue('4');
    await page.getByRole('button', { name: 'Xem trước' }).click();

    await expect(page.getByText('3 dòng: 1 sẵn sàng, 0 có thể trùng, 2 có lỗi.')).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: `/tmp/shell-import-preview-${jsEnabled() ? 'js' : 'nojs'}.png`, fullPage: true });
    const villageChoice = page.getByLabel(new RegExp(`Bản Mới ${tag}`));
    await villageChoice.selectOption('create');
    await page.getByRole('button', { name: 'Lưu lựa chọn thôn, bản' }).click();
    await expect(page.getByText('3 dòng: 2 sẵn sàng, 0 có thể trùng, 1 có lỗi.')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: `Tòng Văn ${tag}` })).toContainText(
      'Sẵn sàng (thôn, bản mới)'
    );
    const wrong = page.getByRole('listitem').filter({ hasText: `Sai Ngày ${tag}` });
    await expect(wrong).toContainText('Có lỗi');
    await expect(wrong).toContainText('Ngày vào Hội');
    await expect(wrong).toContainText('Ngày 31/02/2015 không có trong lịch: tháng 02/2015 không có ngày 31.');
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải 1 dòng chưa nhập/ }).click()
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).getCell(ws.getRow(1).cellCount).value)).toContain('Ngày 31/02/2015 không có trong lịch');

    await page.getByRole('button', { name: 'Nhập 2 dòng sẵn sàng, bỏ qua các dòng có lỗi' }).click();
    await expect(page.getByRole('status').first()).toHaveText('Đã nhập 2 người.');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(tag.toLowerCase());
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expect(page.getByRole('link', { name: `Lò Thị ${tag}` })).toBeVisible();
    await expect(page.getByRole('link', { name: `Tòng Văn ${tag}` })).toBeVisible();
    await expect(page.getByRole('link', { name: `Sai Ngày ${tag}` })).toHaveCount(0);
  }
);

test('confirming every row of a sheet with a wrong row imports nothing and lists the row by its line', async ({
  page
}) => {
  test.skip(!jsEnabled(), 'a raw post of the confirm form: once is enough');
  const tag = unique();
  await upload(page, `ds-loi-${tag}`, [
    { name: `Đúng ${tag}`, born: 1950, sex: 'Nữ', village: 'Bản Mẫu Một', joined: '5/3/2015' },
    { name: `Sai Ngày ${tag}`, born: 1950, village: 'Bản Mẫu Một', joined: '31/02/2015' }
  ]);
  await page.getByRole('button', { name: 'Xem trước' }).click();
  await expect(page.getByText('2 dòng: 1 sẵn sàng, 0 có thể trùng, 1 có lỗi.')).toBeVisible();
  // The page only offers "import the good rows"; an old tab or a hand-made post asks for all.
  const response = await page.request.post(`${page.url()}?/confirm`, {
    headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
    multipart: {}
  });
  expect(response.status()).toBe(400);
  await page.setContent(await response.text());
  await expect(page.getByRole('heading', { name: 'Các lỗi cần sửa trong tệp (1)' })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(
    /^Dòng \d+, cột .+: Ngày 31\/02\/2015 không có trong lịch: tháng 02\/2015 không có ngày 31\.$/
  );
  await expect(page.getByText('Tệp có lỗi, chưa nhập dòng nào.')).toHaveCount(0);
  await visit(page, `/people?q=${encodeURIComponent(tag.toLowerCase())}`);
  await expect(page.getByRole('link', { name: `Đúng ${tag}` })).toHaveCount(0);
});

test('a spreadsheet bomb is refused with a clear message, and the server keeps answering', async ({
  page,
  request
}) => {
  mkdirSync('test-results', { recursive: true });
  const file = `test-results/bomb-${jsEnabled() ? 'js' : 'nojs'}.xlsx`;
  // ≈ 30 MB of sheet XML in a file of a few hundred kilobytes
  writeFileSync(file, bombXlsx(30_000, { pad: 1000 }));
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/people/import');
  await page.getByLabel('Nhập vào chi hội').selectOption({ label: 'Chi hội NCT Bản Mẫu Một (demo)' });
  await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles(file);
  const health = request.get('/healthz');
  await page.getByRole('button', { name: 'Tải lên' }).click();
  expect((await health).ok()).toBe(true);
  await expect(page.getByRole('alert')).toContainText('Tệp này quá lớn để đọc');
  await expect(page.getByLabel('Nhập vào chi hội')).toHaveValue(/.+/);
  await expectAccessible(page);
});
