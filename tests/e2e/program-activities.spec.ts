import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { readFile } from 'node:fs/promises';
import { expectAccessible, signInAs, visit } from './support';

/** Every project shares its server's database, so each run marks its records with a unique word. */
const unique = () => 'Thử' + Math.random().toString(36).slice(2, 8);
const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** The quick outreach form, as a branch leader fills it on a phone. */
async function logOutreach(page: Page, note: string, counts = { total: '35', elderly: '20' }) {
  await visit(page, '/program/activities/new');
  await page.getByRole('checkbox', { name: 'Rác thải' }).check();
  await page.getByLabel('Tổng số người').fill(counts.total);
  await page.getByLabel('Trong đó người cao tuổi').fill(counts.elderly);
  await page.getByLabel('Ghi chú').fill(note);
  await page.getByRole('button', { name: 'Lưu' }).click();
}

test('a branch leader logs an outreach session with the quick form; another commune gets 404', async ({ page }) => {
  const note = unique();
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/program/activities');
  await page.getByRole('link', { name: 'Ghi buổi tuyên truyền' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ghi buổi tuyên truyền');
  await expect(page.getByLabel('Địa bàn')).toHaveValue(/.+/);
  await expect(page.getByLabel('Địa bàn').locator('option:checked')).toHaveText('Bản Mẫu Một (demo)');
  await expect(page.getByLabel('Ngày tổ chức')).toHaveValue(today());
  await logOutreach(page, note);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Buổi tuyên truyền ngày ${today()}`);
  await expect(page.getByRole('status')).toHaveText('Đã lưu hoạt động.');
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText('Lồng ghép họp thôn, bản')).toBeVisible();
  await expectAccessible(page);
  const detail = new URL(page.url()).pathname;

  await visit(page, '/program/activities');
  await expect(page.locator(`a[href$="${detail}"]`)).toBeVisible();

  await signInAs(page, 'canbo.binhlu');
  const res = await page.goto(detail);
  expect(res?.status()).toBe(404);
  await expectAccessible(page);
  expect((await page.goto(`${detail}/delete`))?.status()).toBe(404);
});

test('a validation error keeps what was typed', async ({ page }) => {
  const note = unique();
  await signInAs(page, 'chihoi.truong');
  await logOutreach(page, note, { total: '10', elderly: '15' });
  await expect(page.getByRole('alert')).toContainText('Không được lớn hơn tổng số người tham gia.');
  await expect(page.getByLabel('Trong đó người cao tuổi')).toHaveValue('15');
  await expect(page.getByLabel('Tổng số người')).toHaveValue('10');
  await expect(page.getByLabel('Ghi chú')).toHaveValue(note);
  await expect(page.getByRole('checkbox', { name: 'Rác thải' })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel('Tổng số người').fill('40');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu hoạt động.');
  await expect(page.getByText(note)).toBeVisible();
});

test('a list filter date that does not exist is said so, kept as typed, and the list still shows', async ({ page }) => {
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/program/activities');
  await page.getByLabel('Từ ngày').fill('31/02/2026');
  await page.getByLabel('Đến ngày').fill('1/13/2026');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByRole('alert')).toContainText('Ngày 31/02/2026 không có trong lịch');
  await expect(page.getByRole('alert')).toContainText('Không có tháng 13');
  await expect(page.getByLabel('Từ ngày')).toHaveValue('31/02/2026');
  await expect(page.getByLabel('Đến ngày')).toHaveValue('1/13/2026');
  await expect(page.getByRole('status').last()).toContainText('hoạt động');
  await expectAccessible(page);
});

test('a double click or a retried POST makes one activity', { tag: '@pg' }, async ({ page, baseURL }) => {
  const note = unique();
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/program/activities/new');
  const key = await page.locator('input[name=submission_key]').inputValue();
  const form = {
    submission_key: key,
    kind: 'outreach',
    outreach_mode: 'village_meeting',
    ntm_criterion: 'auto',
    started_on: today(),
    count_total: '18',
    notes: note,
    organisation_id: await page.getByLabel('Tổ chức thực hiện').inputValue(),
    admin_unit_id: await page.getByLabel('Địa bàn').inputValue()
  };
  await page.getByLabel('Tổng số người').fill('18');
  await page.getByLabel('Ghi chú').fill(note);
  await page.getByRole('button', { name: 'Lưu' }).dblclick();
  await expect(page.getByRole('status')).toHaveText('Đã lưu hoạt động.');
  const detail = new URL(page.url()).pathname;
  // The network retry: the very same form posted again answers with the first record.
  const again = await page.request.post('/program/activities/new', {
    headers: { origin: baseURL!, accept: 'text/html' },
    multipart: form,
    maxRedirects: 0
  });
  expect(again.status()).toBe(303);
  expect(again.headers().location).toBe(`${detail}?msg=created`);
  const csv = await (await page.request.get('/program/activities/export/csv')).text();
  expect(csv.split('\r\n').filter((l) => l.includes(note))).toHaveLength(1);
});

/** Cells of the village's row in the per-village table. */
async function villageRow(page: Page, name: string) {
  return page
    .locator('#village-summary tbody tr')
    .filter({ has: page.getByRole('rowheader', { name }) })
    .locator('td')
    .allTextContents();
}

test('a commitment raises the village count and coverage', { tag: '@pg' }, async ({ page }) => {
  const household = `Hộ ông ${unique()}`;
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/program/commitments');
  const before = await villageRow(page, 'Bản Mẫu Một (demo)');
  expect(before[3]).toBe('120');
  await page.getByRole('link', { name: 'Ghi cam kết' }).click();
  await expectAccessible(page);
  await page.getByLabel('Nội dung cam kết').selectOption({ label: 'Phân loại rác tại nguồn' });
  await page.getByLabel('Tên chủ hộ').fill(household);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Đã lưu cam kết.');
  await expectAccessible(page);
  const after = await villageRow(page, 'Bản Mẫu Một (demo)');
  expect(Number(after[0])).toBe(Number(before[0]) + 1);
  expect(Number(after[1])).toBe(Number(before[1]) + 1);
  expect(after[4]).not.toBe(before[4]);
  expect(after[4]).toMatch(/%$/);
  await expect(page.getByRole('cell', { name: household })).toBeVisible();

  // Delete it again through the confirmation page (works without JavaScript).
  await page.getByRole('row').filter({ hasText: household }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cam kết của ${household}`);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Xoá' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xoá cam kết này?');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Có, xoá cam kết' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Đã xoá cam kết.');
  expect(await villageRow(page, 'Bản Mẫu Một (demo)')).toEqual(before);

  // A whole meeting signing together: a number of households instead of a name.
  await visit(page, '/program/commitments/new');
  await page.getByLabel('Nội dung cam kết').selectOption({ label: 'Bảo vệ nguồn nước' });
  await page.getByLabel('Hoặc: số hộ đã ký (không ghi tên)').fill('3');
  await page.getByLabel('Ngày ký').fill('01/01/2026');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Đã lưu cam kết.');
  expect(Number((await villageRow(page, 'Bản Mẫu Một (demo)'))[0])).toBe(Number(before[0]) + 3);
});

test('an activity with a photo is edited, then deleted after confirming', { tag: '@pg' }, async ({ page }) => {
  const note = unique();
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/program/activities/new');
  await page.getByLabel('Tổng số người').fill('25');
  await page.getByLabel('Ghi chú').fill(note);
  await page
    .getByLabel('Ảnh (tối đa 5 ảnh)')
    .setInputFiles({ name: 'hop-ban.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu hoạt động.');
  const src = await page.getByRole('img', { name: 'Ảnh số 1 của hoạt động' }).getAttribute('src');
  const served = await page.request.get(src!);
  expect([served.status(), served.headers()['content-type']]).toEqual([200, 'image/jpeg']);
  const detail = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Sửa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sửa hoạt động');
  await expectAccessible(page);
  await expect(page.getByLabel('Ghi chú')).toHaveValue(note);
  await page.getByLabel('Tổng số người').fill('50');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã cập nhật hoạt động.');
  await expect(page.locator('dd', { hasText: /^50$/ })).toBeVisible();

  await page.getByRole('link', { name: 'Xoá' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xoá hoạt động này?');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Có, xoá hoạt động' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Đã xoá hoạt động.');
  await expectAccessible(page);
  expect((await page.goto(detail))?.status()).toBe(404);
  expect((await page.request.get(src!)).status()).toBe(404);
});

test('exports download in scope only, with Vietnamese text', async ({ page }) => {
  const theirs = unique();
  await signInAs(page, 'canbo.binhlu');
  await logOutreach(page, theirs);
  await expect(page.getByRole('status')).toHaveText('Đã lưu hoạt động.');
  const binhlu = await (await page.request.get('/program/activities/export/csv')).text();
  expect(binhlu).toContain(theirs);

  await signInAs(page, 'chihoi.truong');
  const mine = unique();
  await logOutreach(page, mine);
  await visit(page, '/program/activities?kind=outreach');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải về Excel (XLSX)' }).click()
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const cells = wb
    .getWorksheet('Hoạt động')!
    .getSheetValues()
    .flat()
    .map((c) => String(c ?? ''));
  expect(cells).toContain('Loại hoạt động');
  expect(cells).toContain(mine);
  expect(cells).toContain('Buổi tuyên truyền');
  expect(cells).not.toContain(theirs);

  const csv = await page.request.get('/program/activities/export/csv?kind=outreach');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = (await csv.body()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0].split(',')[0]).toBe('Ngày');
  expect(lines.some((l) => l.includes(mine) && l.includes('Bản Mẫu Một (demo)'))).toBe(true);
  expect(text).not.toContain(theirs);

  await visit(page, '/program/commitments');
  const commitments = await page.request.get('/program/commitments/export/csv');
  expect((await commitments.body()).toString('utf8').split('\r\n')[0]).toBe(
    '\uFEFFNgày,Nội dung cam kết,Bên ký,Hộ hoặc người ký,"Thôn, bản",Tổ chức,Ghi chú'
  );
});
