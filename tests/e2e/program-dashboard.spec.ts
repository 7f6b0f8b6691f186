import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, jsEnabled, signIn, visit } from './support';

// A fixed past period and date, so the figures are those of the demo seed whatever today is and
// whatever other specs record on the same server (they log activities today or in 2026).
const PERIOD = 'from=2025-07&to=2025-12&as_of=2026-11-29';
const SESSIONS = 'Số buổi tuyên truyền';
const PARTICIPANTS = 'Số lượt người nghe tuyên truyền';

const targets = (page: Page) => page.getByRole('table', { name: /Chỉ tiêu kế hoạch năm 2025/ });
const row = (page: Page, name: string) => targets(page).getByRole('row', { name: new RegExp(`^${name}`) });
const children = (page: Page) => page.getByRole('table', { name: /Các đơn vị trực thuộc/ });

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

/** No shown area label covers another or a marker, and no marker covers another. */
async function expectUncluttered(page: Page): Promise<void> {
  const boxes = await page.evaluate(() => {
    const rect = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
    const labels = [...document.querySelectorAll<HTMLElement>('.leaflet-tooltip.pd-area')]
      .filter((e) => getComputedStyle(e).visibility !== 'hidden')
      .map((e) => ({ text: e.textContent ?? '', r: rect(e) }));
    const markers = [...document.querySelectorAll('.pd-cluster')].map((e) => ({
      text: e.textContent ?? '',
      r: rect(e)
    }));
    return { labels, markers };
  });
  const all = [...boxes.markers, ...boxes.labels];
  expect(boxes.markers.length, 'markers drawn').toBeGreaterThan(0);
  expect(boxes.labels.length, 'some labels shown').toBeGreaterThan(0);
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      expect(overlap(all[i].r, all[j].r), `"${all[i].text}" overlaps "${all[j].text}"`).toBe(false);
}

test('province officer: targets and actuals, monthly trend, child table sorted by a column, map or its table', async ({
  page
}) => {
  await signIn(page, 'canbo.tinh');
  await visit(page, `/program/dashboard?${PERIOD}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảng theo dõi chương trình');
  await expect(page.getByText('Hội Người cao tuổi tỉnh Lai Châu — từ tháng 07/2025 đến tháng 12/2025')).toBeVisible();
  // actuals of the demo seed (07–12/2025): 21 sessions, 864 listeners, 2 trainings, 36 households; no 2025 plan
  await expect(page.getByText('Tổ chức này chưa có kế hoạch năm 2025')).toBeVisible();
  await expect(row(page, SESSIONS).getByRole('cell').nth(2)).toHaveText('21');
  await expect(row(page, PARTICIPANTS).getByRole('cell').nth(2)).toHaveText('864');
  await expect(row(page, 'Số lớp tập huấn').getByRole('cell').nth(2)).toHaveText('2');
  await expect(row(page, 'Số hộ ký cam kết').getByRole('cell').nth(2)).toHaveText('36');

  // the charts' text alternative: a table month by month
  const trend = page.getByRole('table', { name: 'Số liệu theo tháng' });
  await expect(trend.getByRole('row', { name: /^07\/2025/ })).toBeVisible();
  await expect(trend.getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('img', { name: /Biểu đồ cột/ }).first()).toBeVisible();

  // child table: by name first; a column heading is a plain link that sorts (JS on or off)
  await expect(children(page).getByRole('row').nth(1)).toContainText('Hội Người cao tuổi phường Đoàn Kết');
  await children(page).getByRole('link', { name: PARTICIPANTS }).click();
  await expect(page).toHaveURL(/sort=outreach_participants&dir=desc/);
  await expect(children(page).getByRole('columnheader', { name: new RegExp(PARTICIPANTS) })).toHaveAttribute(
    'aria-sort',
    'descending'
  );
  await expect(children(page).getByRole('row').nth(1)).toContainText('Hội Người cao tuổi phường Đoàn Kết');
  await expect(children(page).getByRole('row').nth(1)).toContainText('395');
  await expect(children(page).getByRole('row').nth(2)).toContainText('Hội Người cao tuổi xã Bình Lư');
  await expect(children(page).getByRole('row').nth(2)).toContainText('379');
  await expectAccessible(page);

  // the map's table is always there; the map itself is on its own page, the only one that needs a script
  const areas = page.getByRole('table', { name: /theo địa bàn/ });
  await expect(areas.getByRole('row', { name: /^Phường Đoàn Kết/ })).toContainText('11');
  await expect(page.getByText('Mức 0: không có').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Phản ánh quá hạn' })).toBeVisible();
  await page.getByRole('link', { name: 'Hiện bản đồ' }).click();
  await expect(page).toHaveURL(/\/program\/dashboard\/map\?.*from=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bản đồ: Số buổi tuyên truyền');
  await expect(
    page.getByRole('table', { name: /theo địa bàn/ }).getByRole('row', { name: /^Phường Đoàn Kết/ })
  ).toContainText('11');
  if (jsEnabled()) {
    await page.getByRole('button', { name: 'Hiện bản đồ' }).click();
    await expect(page.getByRole('region', { name: /Bản đồ: Số buổi tuyên truyền/ })).toHaveAttribute(
      'data-ready',
      'true'
    );
    await expectUncluttered(page);
    // Several models at one place: one marker holds them all, and its list names each.
    const models = page
      .locator('.leaflet-marker-icon')
      .filter({ has: page.locator('.pd-model') })
      .first();
    const held = Number((await models.locator('.pd-model').textContent())!.replace(/\D/g, ''));
    expect(held).toBeGreaterThan(1);
    await models.click();
    const popup = page.locator('.leaflet-popup-content');
    await expect(popup.locator('li').filter({ hasText: /^M / })).toHaveCount(held);
    await expect(popup.getByRole('link').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('dashboard-map-popup.png') });
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    // Zoomed in, the labels still do not pile up.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(400);
    await expectUncluttered(page);
    await page.locator('.map').screenshot({ path: test.info().outputPath('dashboard-map-zoomed.png') });
  } else {
    await expect(page.getByText('Bản đồ cần JavaScript; bảng dưới đây có cùng số liệu.')).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole('link', { name: '← Về bảng theo dõi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảng theo dõi chương trình');
});

test('commune officer: own association only; the picker changes the indicator on the map', async ({ page }) => {
  await signIn(page, 'canbo.doanket');
  await visit(page, `/program/dashboard?${PERIOD}`);
  await expect(page.getByText('Hội Người cao tuổi phường Đoàn Kết — từ tháng 07/2025')).toBeVisible();
  await expect(row(page, SESSIONS).getByRole('cell').nth(2)).toHaveText('11');
  await expect(row(page, PARTICIPANTS).getByRole('cell').nth(2)).toHaveText('395');
  const options = page.getByLabel('Tổ chức').locator('option');
  await expect(options).toHaveCount(3);
  await expect(page.getByLabel('Tổ chức')).not.toContainText('tỉnh Lai Châu');

  await page.getByLabel('Chỉ tiêu trên bản đồ').selectOption({ label: 'Số hộ ký cam kết' });
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page).toHaveURL(/ind=commitments_households/);
  await expect(
    page.getByRole('table', { name: 'Số hộ ký cam kết theo địa bàn' }).getByRole('row', { name: /^Phường Đoàn Kết/ })
  ).toContainText('19');
  await children(page).getByRole('link', { name: 'Đơn vị' }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(children(page).getByRole('row').nth(1)).toContainText('Bản Mẫu Một');
  await expectAccessible(page);

  // someone else's organisation (or one that does not exist) is simply not found
  const res = await page.goto('/program/dashboard?org=khong-co-that');
  expect(res?.status()).toBe(404);
  await expectAccessible(page);
});

test('a viewer reads the dashboard, without the reports queue', async ({ page }) => {
  await signIn(page, 'lanhdao');
  await visit(page, `/program/dashboard?${PERIOD}`);
  await expect(row(page, SESSIONS).getByRole('cell').nth(2)).toHaveText('21');
  await expect(page.getByRole('table', { name: 'Số liệu theo tháng' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Phản ánh quá hạn' })).toHaveCount(0);
});
