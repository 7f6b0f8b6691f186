import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled, newUser, signInAs, visit } from './support';

const TINH = 'Hội Người cao tuổi tỉnh Lai Châu';
const ORIGIN = 'Tổ người cao tuổi tự quản giữ sạch suối Nậm Lọong';
const word = () => Array.from({ length: 6 }, () => 'abcdeghiklmn'[Math.floor(Math.random() * 12)]).join('');

test('a province officer creates a program with its signed document and a 2027 plan with targets', async ({ page }) => {
  const title = `Chương trình phối hợp thử ${word()}`;
  await signInAs(page, 'canbo.tinh');
  await visit(page, '/program/programs');
  await expect(page.getByRole('link', { name: /giai đoạn 2017–2022/ })).toBeVisible();
  await page.getByRole('link', { name: 'Thêm chương trình' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thêm chương trình phối hợp');
  await expectAccessible(page);

  // Nothing chosen, period reversed: specific messages, and what was typed stays.
  await page.getByLabel('Tên chương trình').fill(title);
  await page.getByLabel('Thực hiện từ ngày').fill('01/01/2028');
  await page.getByLabel('Đến ngày').fill('31/12/2027');
  await page.getByRole('button', { name: 'Lưu' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Chọn ít nhất một bên ký kết.');
  await expect(summary).toContainText('Ngày kết thúc phải sau ngày bắt đầu.');
  await expect(page.getByLabel('Tên chương trình')).toHaveValue(title);
  await expectAccessible(page);

  await page.getByLabel('Sở Nông nghiệp và Môi trường').check();
  await page.getByLabel('Thực hiện từ ngày').fill('01/01/2027');
  await page.getByLabel('Đến ngày').fill('31/12/2028');
  await page.getByLabel('Ngày ký (không bắt buộc)').fill('15/12/2026');
  await page
    .getByLabel('Nội dung phối hợp (không bắt buộc)')
    .fill('Tuyên truyền bảo vệ môi trường\nTập huấn cho chi hội');
  await page
    .getByLabel('Văn bản đã ký (không bắt buộc)')
    .setInputFiles({ name: 'chuong-trinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% thử\n') });
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('status')).toHaveText('Đã thêm chương trình.');
  await expect(page.getByText('Tập huấn cho chi hội')).toBeVisible();
  await expect(page.getByText('15/12/2026')).toBeVisible();
  await expectAccessible(page);
  const doc = await page.request.get(
    (await page.getByRole('link', { name: 'Tải văn bản đã ký' }).getAttribute('href')) ?? ''
  );
  expect(doc.status()).toBe(200);
  expect((await doc.body()).toString()).toContain('%PDF-1.4');

  await page.getByRole('link', { name: 'Thêm kế hoạch năm' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thêm kế hoạch năm');
  await expect(page.getByLabel('Chương trình')).toHaveValue(/.+/);
  await expectAccessible(page);
  await page.getByLabel('Tổ chức').selectOption({ label: TINH });
  await page.getByLabel('Năm').fill('2027');
  await page.getByLabel('Số buổi tuyên truyền (buổi)').fill('bốn mươi');
  await page.getByLabel('Số lượt người nghe tuyên truyền (lượt)').fill('2.500');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toContainText('Nhập một số không âm');
  await expect(page.getByLabel('Số lượt người nghe tuyên truyền (lượt)')).toHaveValue('2.500');
  await expectAccessible(page);
  await page.getByLabel('Số buổi tuyên truyền (buổi)').fill('45');
  await page.getByLabel('Số lớp tập huấn (lớp)').fill('6');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kế hoạch năm 2027 — ${TINH}`);
  await expect(page.getByRole('status')).toHaveText('Đã thêm kế hoạch năm.');
  const table = page.getByRole('table', { name: 'Chỉ tiêu và kết quả năm 2027' });
  await expect(table.getByRole('row', { name: /Số buổi tuyên truyền/ })).toContainText('45');
  await expect(table.getByRole('row', { name: /Số lượt người nghe tuyên truyền/ })).toContainText('2.500');
  await expect(table.getByRole('row', { name: /Số lớp tập huấn/ })).toContainText('6');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Sửa' }).click();
  await expectAccessible(page);
  await page.getByLabel('Số lớp tập huấn (lớp)').fill('7');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu chỉ tiêu.');
  await expect(table.getByRole('row', { name: /Số lớp tập huấn/ })).toContainText('7');
});

test(
  "the province plan shows its own targets beside the children's sum and the year's results",
  { tag: '@pg' },
  async ({ page }) => {
    await signInAs(page, 'canbo.tinh');
    await visit(page, '/program/plans?year=2026');
    await page.getByRole('link', { name: `Kế hoạch năm 2026 — ${TINH}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kế hoạch năm 2026 — ${TINH}`);
    const table = page.getByRole('table', { name: 'Chỉ tiêu và kết quả năm 2026' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'Chỉ tiêu',
      'Chỉ tiêu của đơn vị',
      'Tổng chỉ tiêu các đơn vị trực thuộc',
      'Đã thực hiện',
      'Tỷ lệ hoàn thành'
    ]);
    const sessions = table.getByRole('row', { name: /Số buổi tuyên truyền/ }).getByRole('cell');
    await expect(sessions.nth(0)).toHaveText('40');
    await expect(sessions.nth(1)).toContainText('20 (2 kế hoạch)');
    await expect(
      table
        .getByRole('row', { name: /Số mô hình mới/ })
        .getByRole('cell')
        .nth(0)
    ).toHaveText('3');
    await expect(
      page.getByRole('link', { name: 'Kế hoạch năm 2026 — Hội Người cao tuổi phường Đoàn Kết' })
    ).toBeVisible();
    await expectAccessible(page);
  }
);

test('a commune officer enters a manual figure for a month', async ({ page }) => {
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/program/indicators');
  await page.getByLabel('Tháng', { exact: true }).fill('13/2026');
  await page.getByLabel('Số liệu', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(page.getByRole('alert')).toContainText('Tháng phải theo dạng tháng/năm');
  await expect(page.getByLabel('Số liệu', { exact: true })).toHaveValue('3');
  await expectAccessible(page);
  await page.getByLabel('Chỉ tiêu').selectOption({ label: 'Số kiến nghị gửi cấp ủy, chính quyền (kiến nghị)' });
  await page.getByLabel('Tháng', { exact: true }).fill('04/2026');
  await page.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu số liệu.');
  await expect(
    page.getByRole('table', { name: 'Số liệu đã nhập' }).getByRole('row', { name: /04\/2026/ })
  ).toContainText('3 kiến nghị');
  await expectAccessible(page);
});

test(
  'a replication joins the tree; a neighbouring commune cannot open the original',
  { tag: '@pg' },
  async ({ page, browser }) => {
    const name = `Tổ giữ sạch suối thử ${word()}`;
    await signInAs(page, 'canbo.doanket');
    await visit(page, '/program/models?kind=clean_stream');
    await page.getByRole('link', { name: ORIGIN }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ORIGIN);
    await expectAccessible(page);
    const originUrl = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Nhân rộng mô hình này' }).click();
    await expect(page.getByLabel('Nhân rộng từ mô hình')).toHaveValue(originUrl.split('/').pop()!);
    await expectAccessible(page);
    await page.getByLabel('Tên mô hình').fill(name);
    await page.getByLabel('Loại mô hình').selectOption({ label: 'Giữ sạch suối, nguồn nước' });
    await page.getByLabel('Tình trạng').selectOption({ label: 'Đã kết thúc' });
    await page.getByLabel('Ngày bắt đầu').fill('01/09/2026');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
    await expect(page.getByLabel('Tên mô hình')).toHaveValue(name);
    await expectAccessible(page);
    await page.getByLabel('Tình trạng').selectOption({ label: 'Đang hoạt động' });
    await page.getByLabel('Địa bàn').selectOption({ label: 'Bản Mẫu Hai (demo)' });
    await page.getByLabel('Số người tham gia (không bắt buộc)').fill('7');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('status')).toHaveText('Đã thêm mô hình.');
    const tree = page.locator('ul.tree').first();
    await expect(tree.getByRole('link', { name: ORIGIN })).toBeVisible();
    await expect(tree.locator('[aria-current="page"]')).toHaveText(name);
    await expectAccessible(page);

    await page.getByLabel('Nội dung kết quả').fill('Rác thu gom');
    await page.getByLabel('Số lượng').fill('0,5');
    await page.getByLabel('Đơn vị tính').fill('tấn');
    await page.getByRole('button', { name: 'Thêm kết quả' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã thêm kết quả.');
    await expect(page.getByRole('table', { name: 'Kết quả của mô hình' })).toContainText('0,5 tấn');
    await expectAccessible(page);

    await page.goto(originUrl);
    await expect(page.locator('ul.tree').first().getByRole('link', { name })).toBeVisible();

    const other = await newUser(browser, 'canbo.binhlu');
    const res = await other.goto(originUrl);
    expect(res?.status()).toBe(404);
    await expectAccessible(other);
    await visit(other, '/program/models');
    await expect(other.getByRole('link', { name: ORIGIN })).toHaveCount(0);
    await expect(other.getByRole('link', { name: 'Tổ người cao tuổi giữ sạch suối Bản Mẫu Ba' })).toBeVisible();
    await other.context().close();
  }
);

test('the models map draws without tiles, and without JavaScript the list stands in', async ({ page }) => {
  await signInAs(page, 'canbo.tinh');
  await page.goto('/program/models/map');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bản đồ mô hình hiệu quả');
  if (jsEnabled()) {
    // Leaflet is fetched only when asked for: nothing of the map before the button.
    await expect(page.getByRole('region', { name: 'Bản đồ vị trí các mô hình' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Hiện bản đồ' }).click();
    await expect(page.getByRole('region', { name: 'Bản đồ vị trí các mô hình' })).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('.leaflet-interactive').first()).toBeAttached();
  } else {
    await expect(page.getByRole('region', { name: 'Bản đồ vị trí các mô hình' })).toHaveCount(0);
  }
  await expect(
    page.getByRole('table', { name: 'Danh sách mô hình' }).getByRole('link', { name: ORIGIN })
  ).toBeVisible();
  await expectAccessible(page);

  const xlsx = await page.request.get('/program/models/export.xlsx?status=active');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  const csv = await page.request.get('/program/models/export.csv');
  expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});
