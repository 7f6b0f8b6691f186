import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectAccessible, jsEnabled, signIn, visit } from './support';
import { insertReport, withDb } from './report-workflow.db';

// A fixed past period, so the figures are the demo seed's whatever other specs record.
const PERIOD = 'from=2025-07&to=2025-12&as_of=2026-11-29';
const DESKTOP = { width: 1280, height: 900 };

/** The drawn areas (commune outlines or centre circles) and the map, in screen pixels. */
async function areasOnScreen(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('.map')!.getBoundingClientRect();
    const rects = [...document.querySelectorAll('.map .leaflet-overlay-pane path')].map((p) =>
      p.getBoundingClientRect()
    );
    const box = {
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom))
    };
    return { n: rects.length, map: map.toJSON() as DOMRect, box };
  });
}

/** The user's whole area is in view, and in the middle of the map (a few pixels either way). */
async function expectFittedToArea(page: Page, areas: number) {
  const { n, map, box } = await areasOnScreen(page);
  expect(n, 'areas drawn').toBe(areas);
  expect(box.left).toBeGreaterThanOrEqual(map.left);
  expect(box.right).toBeLessThanOrEqual(map.right);
  expect(box.top).toBeGreaterThanOrEqual(map.top);
  expect(box.bottom).toBeLessThanOrEqual(map.bottom);
  const dx = (box.left + box.right) / 2 - (map.left + map.right) / 2;
  const dy = (box.top + box.bottom) / 2 - (map.top + map.bottom) / 2;
  expect(Math.abs(dx), 'horizontally centred').toBeLessThan(map.width * 0.05);
  expect(Math.abs(dy), 'vertically centred').toBeLessThan(map.height * 0.05);
}

/**
 * A report of Phường Đoàn Kết in the period whose GPS point is in Hà Nội (a phone that had not
 * found its position yet): a marker far outside the area, which must not decide the first view.
 */
async function strayReport(): Promise<string> {
  const { id } = await insertReport(`Điểm GPS lạc ${randomUUID()}`);
  await withDb((exec) =>
    exec(`update report set lat = 21.0278, lon = 105.8342, created_at = ? where id = ?`, [
      '2025-09-15T03:00:00.000Z',
      id
    ])
  );
  return id;
}

async function showDashboardMap(page: Page) {
  await page.getByRole('button', { name: 'Hiện bản đồ' }).click();
  await expect(page.getByRole('region', { name: /^Bản đồ: / })).toHaveAttribute('data-ready', 'true');
}

for (const login of ['canbo.tinh', 'canbo.doanket'])
  test(`dashboard map opens on ${login}'s own area, on a phone and on a desktop`, async ({ page }) => {
    await signIn(page, login);
    await visit(page, `/program/dashboard/map?${PERIOD}`);
    if (!jsEnabled()) {
      await expect(page.getByText('Bản đồ cần JavaScript; bảng dưới đây có cùng số liệu.')).toBeVisible();
      await expectAccessible(page);
      return;
    }
    // A province: each of its communes; a commune association: its own commune (the table's rows).
    const areas = await page
      .getByRole('table', { name: /theo địa bàn/ })
      .locator('tbody tr')
      .count();
    expect(areas).toBeGreaterThanOrEqual(1);
    const stray = await strayReport();
    try {
      await showDashboardMap(page);
      await expectFittedToArea(page, areas);
      await page.locator('.map').screenshot({ path: test.info().outputPath(`${login}-phone.png`) });
      await expectAccessible(page);
      await page.setViewportSize(DESKTOP);
      await page.reload();
      await showDashboardMap(page);
      await expectFittedToArea(page, areas);
      await page.locator('.map').screenshot({ path: test.info().outputPath(`${login}-desktop.png`) });
    } finally {
      await withDb(async (exec) => {
        await exec(`delete from report_event where report_id = ?`, [stray]);
        await exec(`delete from report where id = ?`, [stray]);
      });
    }
  });

test('models map: a dot several models share shows their number, and says it', async ({ page }) => {
  await signIn(page, 'canbo.tinh');
  await visit(page, '/program/models/map');
  await expect(page.getByText('số trong chấm là số mô hình ở nơi đó')).toBeVisible();
  if (!jsEnabled()) {
    await expectAccessible(page);
    return;
  }
  await page.getByRole('button', { name: 'Hiện bản đồ' }).click();
  await expect(page.getByRole('region', { name: 'Bản đồ vị trí các mô hình' })).toHaveAttribute('data-ready', 'true');
  const shared = page.getByRole('button', { name: /^\d+ mô hình tại / }).first();
  await expect(shared).toBeVisible();
  const count = Number((await shared.textContent())?.trim());
  expect(count).toBeGreaterThan(1);
  await expect(shared).toHaveAccessibleName(new RegExp(`^${count} mô hình tại \\S`));
  // Readable: body-size bold white on the dark green, inside the dot.
  const look = await shared.locator('.model-dot').evaluate((e) => {
    const s = getComputedStyle(e);
    return { size: parseFloat(s.fontSize), weight: Number(s.fontWeight), color: s.color, bg: s.backgroundColor };
  });
  expect(look.size).toBeGreaterThanOrEqual(14);
  expect(look.weight).toBeGreaterThanOrEqual(700);
  expect(look).toMatchObject({ color: 'rgb(255, 255, 255)', bg: 'rgb(29, 78, 43)' });
  await page.locator('.map').screenshot({ path: test.info().outputPath('models-map-phone.png') });
  await expectAccessible(page);
  // Its list names every model there, each a link.
  await shared.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.leaflet-popup-content').getByRole('link')).toHaveCount(count);
  await page.setViewportSize(DESKTOP);
  await page.locator('.map').screenshot({ path: test.info().outputPath('models-map-desktop.png') });
});

test('the by-area table keeps "Giá trị" on one line and scrolls in its own region on a phone', async ({ page }) => {
  await signIn(page, 'canbo.tinh');
  await visit(page, `/program/dashboard?${PERIOD}`);
  const region = page.getByRole('region', { name: 'Số buổi tuyên truyền theo địa bàn', exact: true });
  await expect(region.getByRole('table')).toBeVisible();
  for (const name of ['Địa bàn', 'Giá trị', 'Mức']) {
    const header = region.getByRole('columnheader', { name, exact: true });
    // One line box for the header's text: it does not break between (or inside) words.
    const lines = await header.evaluate((th) => {
      const r = document.createRange();
      r.selectNodeContents(th);
      return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    });
    expect(lines, name).toBe(1);
  }
  const sizes = await region.evaluate((e) => ({
    inner: e.scrollWidth,
    outer: e.clientWidth,
    overflow: getComputedStyle(e).overflowX,
    page: document.documentElement.scrollWidth
  }));
  expect(sizes.overflow).toBe('auto');
  // Whatever is wider than the phone scrolls inside the region, never the page.
  expect(sizes.page).toBeLessThanOrEqual(360);
  await region.getByRole('columnheader', { name: 'Giá trị' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('areas-table-phone.png') });
  await expectAccessible(page);
});
