/**
 * Administrators edit the report reference data (a category, a routing rule, a deadline rule, a
 * holiday) and the effect shows in the deadline preview; the intake page's no-JS commune →
 * village step, and with JS a photo's GPS moving the map pin. JS on and off, axe everywhere.
 * Projects share databases, so each project uses its own year and category.
 */
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, hydrated, jsEnabled, signInAs, visit } from './support';
import { lunarToSolar } from '../../src/lib/server/calendar/lunar';

const PROJECTS = ['sqlite-js', 'sqlite-nojs', 'pg-js'];
const slot = () => Math.max(0, PROJECTS.indexOf(test.info().project.name));
// All in the Chất thải group; none has a seeded area rule in Bình Lư (land ones do).
const CATEGORIES = [
  'Đốt rác, chất thải',
  'Chất thải chăn nuôi',
  'Vỏ bao bì thuốc bảo vệ thực vật',
  'Cơ sở sản xuất gây ô nhiễm'
];
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The first Monday of June of the project's year, far from seeded holidays. */
function firstMondayOfJune(year: number): string {
  let d = `${year}-06-01`;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
}

/** Runs the preview form and expects the due date (waits: with JS the GET form navigates client-side). */
async function expectPreview(page: Page, start: string, due: string): Promise<void> {
  await page.getByLabel('Ngày bắt đầu (dd/mm/yyyy)').fill(dmy(start));
  await page.getByRole('button', { name: 'Tính hạn' }).click();
  await expect(page.getByTestId('preview-due')).toHaveText(`Hạn: ${dmy(due)}`);
  await expectAccessible(page);
}

test(
  'an administrator edits a category, a routing rule, a deadline rule and a holiday; deadlines move',
  { tag: '@pg' },
  async ({ page }) => {
    test.setTimeout(180_000); // a dozen admin pages and four deadline previews, each scanned by axe
    const year = 2030 + slot();
    const category = CATEGORIES[slot()];
    const optionLabel = `Chất thải — ${category}`;
    await signInAs(page, 'quantri');
    await visit(page, '/admin');
    await page.getByRole('link', { name: 'Danh mục phản ánh' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh mục phản ánh');
    await expectAccessible(page);

    // 1. A category: a validation error in Vietnamese keeps what was typed, then the fix is saved.
    await page.getByRole('link', { name: 'Loại vi phạm', exact: true }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: `Sửa ${category}` }).click();
    await expectAccessible(page);
    const legal = `Nghị định 45/2022/NĐ-CP, điều ${year}`;
    await page.getByLabel('Căn cứ pháp lý (không bắt buộc)').fill(legal);
    await page.getByLabel('Tên tiếng Việt').fill('');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
    await expect(page.getByLabel('Căn cứ pháp lý (không bắt buộc)')).toHaveValue(legal);
    await expectAccessible(page);
    await page.getByLabel('Tên tiếng Việt').fill(category);
    await page.getByLabel(/Khẩn cấp: đưa lên đầu/).check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu thay đổi.');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${category}`) }) });
    await expect(row).toContainText(legal);
    await expect(row.getByRole('cell').nth(3)).toHaveText('Có');
    await expectAccessible(page);

    // 2. A routing rule: this category in Bình Lư goes to the police; then it is removed.
    await visit(page, '/admin/reports/routing');
    await page.locator('#f-category_id').selectOption({ label: optionLabel });
    await page.locator('#f-admin_unit_id').selectOption({ label: 'Xã Bình Lư' });
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await expect(page.getByRole('alert')).toContainText('Hãy chọn cơ quan tiếp nhận.');
    await expect(page.locator('#f-admin_unit_id')).toHaveValue(/.+/);
    await expectAccessible(page);
    await page.locator('#f-agency_org_id').selectOption({ label: 'Công an tỉnh Lai Châu' });
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu thay đổi.');
    const rule = page.getByRole('row').filter({ hasText: category }).filter({ hasText: 'Xã Bình Lư' });
    await expect(rule).toContainText('Công an tỉnh Lai Châu');
    await expectAccessible(page);
    await rule.getByRole('button', { name: /^Xoá/ }).click();
    await expect(page.getByRole('status')).toHaveText('Đã xoá.');
    await expect(page.getByRole('row').filter({ hasText: category }).filter({ hasText: 'Xã Bình Lư' })).toHaveCount(0);
    await expectAccessible(page);

    // 3. A deadline rule for this category: 1 working day to verify a kiến nghị; then edited to 2.
    const start = firstMondayOfJune(year);
    await visit(page, '/admin/reports/deadlines');
    await page.locator('#f-stage').selectOption('verify');
    await page.locator('#f-channel').selectOption('kien_nghi');
    await page.locator('#f-category_id').selectOption({ label: optionLabel });
    await page.getByLabel('Số ngày', { exact: true }).fill('1');
    await page.getByLabel('Số ngày mỗi lần gia hạn').fill('0');
    await page.getByLabel('Số lần gia hạn tối đa').fill('x');
    await page.getByRole('button', { name: 'Thêm quy tắc thời hạn' }).click();
    await expect(page.getByRole('alert')).toContainText('Số lần gia hạn là số nguyên từ 0 đến 10.');
    await expectAccessible(page);
    await page.getByLabel('Số lần gia hạn tối đa').fill('0');
    await page.getByRole('button', { name: 'Thêm quy tắc thời hạn' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu thay đổi.');
    const ruleName = `Hạn xác minh — Kiến nghị — ${category}`;
    await page.getByRole('link', { name: `Sửa ${ruleName}` }).click();
    await expectAccessible(page);
    await page.getByLabel('Số ngày', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thời hạn');
    await page.locator('#f-p_channel').selectOption('kien_nghi');
    await page.locator('#f-p_category_id').selectOption({ label: optionLabel });
    await expectPreview(page, start, addDays(start, 2)); // Monday + 2 working days = Wednesday

    // 4. A holiday on the Tuesday moves the general 3-working-day verification from Thursday to Friday.
    await page.locator('#f-p_channel').selectOption('phan_anh');
    await page.locator('#f-p_category_id').selectOption('');
    await expectPreview(page, start, addDays(start, 3));
    await visit(page, `/admin/reports/holidays?year=${year}`);
    await page.getByLabel('Ngày dương lịch (dd/mm/yyyy)').fill(dmy(addDays(start, 1)));
    await page.getByLabel('Tên ngày').fill('Nghỉ thử nghiệm');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await expect(page.getByRole('status')).toContainText('Đã lưu thay đổi.');
    await expectAccessible(page);
    await visit(
      page,
      `/admin/reports/deadlines?p_start=${dmy(start)}&p_stage=verify&p_channel=phan_anh&p_category_id=`
    );
    await expect(page.getByTestId('preview-due')).toHaveText(`Hạn: ${dmy(addDays(start, 4))}`);

    // A lunar holiday (Hùng Kings, 10/3 lunar) is converted to its solar date; then edited and deleted.
    await visit(page, `/admin/reports/holidays?year=${year}`);
    const lunarDate = lunarToSolar(10, 3, year + 10);
    await page.getByLabel(/Âm lịch/).check();
    await page.getByLabel('Ngày âm lịch').fill('10');
    await page.getByLabel('Tháng âm lịch').fill('3');
    await page.getByLabel('Năm', { exact: true }).fill(String(year + 10));
    await page.getByLabel('Tên ngày').fill('Giỗ Tổ Hùng Vương');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await expect(page.getByRole('status')).toContainText(`Đã lưu thay đổi. ${dmy(lunarDate)}`);
    await visit(page, `/admin/reports/holidays?year=${year}`);
    await page.getByRole('link', { name: `Sửa ${dmy(addDays(start, 1))}` }).click();
    await expectAccessible(page);
    await page.getByLabel('Ngày dương lịch (dd/mm/yyyy)').fill(dmy(addDays(start, 2)));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('rowheader', { name: dmy(addDays(start, 2)) })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: `Xoá ${dmy(addDays(start, 2))}` }).click();
    await expect(page.getByRole('status')).toHaveText('Đã xoá.');
    await visit(
      page,
      `/admin/reports/deadlines?p_start=${dmy(start)}&p_stage=verify&p_channel=phan_anh&p_category_id=`
    );
    await expect(page.getByTestId('preview-due')).toHaveText(`Hạn: ${dmy(addDays(start, 3))}`);

    // The changes are in the audit trail.
    await visit(page, '/admin/audit?entity_type=holiday');
    await expect(page.locator('main')).toContainText(addDays(start, 2));
  }
);

test('without JavaScript the village picker is a second step that keeps what was typed', async ({ page }) => {
  test.skip(jsEnabled(), 'JS on loads the villages as the commune changes (next test)');
  await visit(page, '/report');
  await expect(page.getByLabel('Thôn, bản (không bắt buộc)').locator('option')).toHaveCount(1);
  await page.getByLabel('Đổ rác thải bừa bãi').check();
  const text = `Rác ở đầu bản ${Math.random().toString(36).slice(2, 8)}`;
  await page.getByLabel('2. Kể lại điều ông/bà thấy').fill(text);
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByRole('button', { name: 'Xem thôn, bản của xã đã chọn' }).click();
  await expect(page.getByText('Đây là các thôn, bản của Phường Đoàn Kết.', { exact: false })).toBeVisible();
  // Other specs may add villages to this commune (member-list import): the demo ones are listed, in order.
  await expect(page.getByLabel('Thôn, bản (không bắt buộc)').locator('option')).toContainText([
    '— Không rõ —',
    'Bản Mẫu Hai (demo)',
    'Bản Mẫu Một (demo)'
  ]);
  await expect(page.getByLabel('2. Kể lại điều ông/bà thấy')).toHaveValue(text);
  await expect(page.getByLabel('Đổ rác thải bừa bãi')).toBeChecked();
  await expect(page.getByLabel('Xã, phường')).toHaveValue(/.+/);
  await expectAccessible(page);
  await page.getByLabel('Thôn, bản (không bắt buộc)').selectOption({ label: 'Bản Mẫu Hai (demo)' });
  await page
    .getByLabel('3. Ông/bà thấy khi nào?')
    .fill(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  await expectAccessible(page);
});

test('with JavaScript the villages follow the commune, and a photo with GPS moves the map pin', async ({ page }) => {
  test.skip(!jsEnabled(), 'needs JavaScript');
  await visit(page, '/report');
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Xem thôn, bản của xã đã chọn' })).toHaveCount(0);
  await page.getByLabel('Xã, phường').selectOption({ label: 'Xã Bình Lư' });
  // Other specs may add villages to this commune (member-list import): the demo ones are listed, in order.
  await expect(page.getByLabel('Thôn, bản (không bắt buộc)').locator('option')).toContainText([
    '— Không rõ —',
    'Bản Mẫu Ba (demo)',
    'Bản Mẫu Bốn (demo)'
  ]);
  await page.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
  const map = page.getByRole('region', { name: /bản đồ/i });
  await expect(map.locator('.leaflet-pane')).not.toHaveCount(0);
  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 25/1 5808/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '103/1 24/1 288/100'
      }
    })
    .toBuffer();
  await page.getByLabel(/5\. Ảnh/).setInputFiles({ name: 'rung.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(page.getByText('Đã lấy vị trí từ ảnh: 22.43280, 103.40080')).toBeVisible();
  await expect(map).toHaveAttribute('data-pin', '22.4328,103.4008');
  await expect(page.locator('input[name=lat]')).toHaveValue('22.4328');
  await expect(page.locator('input[name=location_source]')).toHaveValue('photo');
  await expectAccessible(page);
});
