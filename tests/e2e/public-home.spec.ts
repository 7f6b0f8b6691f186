import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './support';

test(
  'the home page invites to report and to follow, shows the year in figures and leads to a commune',
  { tag: '@pg' },
  async ({ page }) => {
    await visit(page, '/');
    const main = page.locator('main');
    await expect(main.getByRole('link', { name: /Báo vi phạm/ })).toHaveAttribute('href', '/report');
    await expect(main.getByRole('link', { name: /Tra cứu phản ánh/ })).toHaveAttribute('href', '/r');
    await expect(main.getByRole('heading', { name: 'Cách làm' })).toBeVisible();
    const year = new Date().getFullYear();
    const figures = main.getByRole('region', { name: /^Kết quả năm/ });
    await expect(main.getByRole('heading', { name: `Kết quả năm ${year} — Tỉnh Lai Châu` })).toBeVisible();
    // The received figure counts every report; its link says how many the list can show.
    await expect(figures.getByText('Phản ánh đã tiếp nhận')).toBeVisible();
    await expect(figures.getByRole('link', { name: /^Xem \d+ đã công khai$/ }).first()).toBeVisible();
    for (const figure of ['Buổi tuyên truyền', 'Hộ gia đình đã ký cam kết', 'Mô hình đang hoạt động'])
      await expect(figures.getByRole('link', { name: new RegExp(figure) })).toBeVisible();
    // The honour board exists (emulation movement), so the home page leads to it.
    await expect(main.getByRole('link', { name: /Bảng vàng/ })).toHaveAttribute('href', '/bang-vang');
    await page.screenshot({ path: 'test-results/public-home.png', fullPage: true });

    // A figure's public detail: one line per commune, each leading to the commune's page.
    await figures.getByRole('link', { name: /Buổi tuyên truyền/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Buổi tuyên truyền năm ${year}`);
    await expect(page.getByRole('row', { name: /Tổng cộng/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Phường Đoàn Kết' }).click();

    await expect(page).toHaveURL(/\/xa\/doan-ket-03388$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phường Đoàn Kết');
    await expect(page.getByRole('heading', { name: 'Mô hình hiệu quả' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Phản ánh đã công khai' })).toBeVisible();
    // The commune's figures stay in the commune: its models section and its own figure rows.
    const communeFigures = page.getByRole('region', { name: /^Kết quả năm/ });
    await expect(communeFigures.getByRole('link', { name: /Mô hình đang hoạt động/ })).toHaveAttribute(
      'href',
      '#mo-hinh'
    );
    await expect(communeFigures.getByRole('link', { name: /Buổi tuyên truyền/ })).toHaveAttribute(
      'href',
      /^\/so-lieu\/outreach_sessions\?commune=/
    );
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/public-commune.png', fullPage: true });
  }
);

test('a commune address with a stale name part is corrected; an unknown commune is a 404', async ({ page }) => {
  await visit(page, '/xa/ten-cu-03388');
  await expect(page).toHaveURL(/\/xa\/doan-ket-03388$/);
  const missing = await page.goto('/xa/khong-co-99999');
  expect(missing?.status()).toBe(404);
});

test('open data: the dictionary and licence, and CSV/XLSX downloads without signing in', async ({ page }) => {
  await visit(page, '/reports-public');
  await expect(page.getByRole('link', { name: 'Tải CSV' })).toHaveAttribute('href', /^\/du-lieu-mo\/phan-anh\.csv/);
  await page.getByRole('link', { name: 'Giải thích các cột dữ liệu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giải thích dữ liệu mở');
  await expect(page.getByText(/CC BY 4\.0/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Vĩ độ/ })).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get('/du-lieu-mo/phan-anh.csv');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('Ngày tiếp nhận');
  const xlsx = await page.request.get('/du-lieu-mo/phan-anh.xlsx');
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  // The map offers the same downloads of what it shows, and the licence.
  await visit(page, '/map');
  await expect(page.getByRole('link', { name: 'Tải CSV' })).toHaveAttribute('href', /^\/du-lieu-mo\/phan-anh\.csv/);
  await expect(page.getByRole('link', { name: 'Tải Excel' })).toHaveAttribute('href', /^\/du-lieu-mo\/phan-anh\.xlsx/);
  const geoLink = page.getByRole('link', { name: 'Tải GeoJSON' });
  await expect(geoLink).toHaveAttribute('href', /^\/exports\/public\.geojson/);
  await expect(page.getByText(/CC BY 4\.0/)).toBeVisible();
  const geo = await (await page.request.get((await geoLink.getAttribute('href'))!)).json();
  expect(geo.type).toBe('FeatureCollection');
  const shown = Number((await page.getByRole('status').innerText()).match(/\d+/)![0]);
  expect(geo.features.length).toBe(shown);
});

test('on a phone the public report list shows each report without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, '/reports-public');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const cell = page.locator('td.text').first();
  const box = (await cell.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/public-list-phone.png', fullPage: true });
});
