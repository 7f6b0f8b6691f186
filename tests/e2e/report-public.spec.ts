import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, jsEnabled, signInAs, visit } from './support';

const suffix = () => Math.random().toString(36).slice(2, 8);

/** An administrator issues an Open311 key on the admin page (key shown once). */
async function issueKey(page: Page): Promise<string> {
  await signInAs(page, 'quantri');
  await visit(page, '/admin');
  await page.getByRole('link', { name: 'Khóa Open311' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tạo khóa' }).click();
  await expect(page.getByRole('alert')).toContainText('Vui lòng điền mục này.');
  await page.getByLabel('Tên ứng dụng').fill(`Ứng dụng thử ${suffix()}`);
  await page.getByRole('button', { name: 'Tạo khóa' }).click();
  const key = (await page.locator('code').textContent())!.trim();
  expect(key).toMatch(/^o311_/);
  await expectAccessible(page);
  await page.context().clearCookies();
  return key;
}

async function submit(request: APIRequestContext, key: string, description: string): Promise<string> {
  const res = await request.post('/open311/v2/requests.json', {
    form: {
      api_key: key,
      service_code: 'do_rac',
      lat: '22.4331',
      long: '103.4012',
      description,
      first_name: 'Lò Văn',
      last_name: 'Kín',
      email: 'kin@example.vn'
    }
  });
  expect(res.status()).toBe(200);
  return (await res.json())[0].service_request_id;
}

test(
  'Open311 over HTTP: JSON and XML, errors, and a report made public shows on the list and map',
  { tag: '@pg' },
  async ({ page, request }) => {
    const word = `Nậm${suffix()}`;
    const key = await issueKey(page);

    // The spec's endpoints over real HTTP (cross-site form POST without Origin is accepted here only).
    const discovery = await request.get('/open311/v2/discovery.xml');
    expect(discovery.headers()['content-type']).toContain('text/xml');
    expect(await discovery.text()).toContain('<discovery>');
    expect((await request.get('/open311/v2/services.json')).status()).toBe(200);
    const denied = await request.post('/open311/v2/requests.xml', {
      form: { service_code: 'do_rac', lat: '22.4', long: '103.4', description: 'x' }
    });
    expect(denied.status()).toBe(403);
    expect(await denied.text()).toContain('<errors><error><code>403</code>');
    const id = await submit(request, key, `Đổ rác ven suối ${word}`);
    const hidden = await submit(request, key, `Chưa công khai ${word}`);
    // Before publication only the client that holds an API key learns anything about it.
    expect((await request.get(`/open311/v2/requests/${id}.json?api_key=${key}`)).status()).toBe(200);
    expect((await request.get(`/open311/v2/requests/${id}.json`)).status()).toBe(404);

    // The commune officer publishes it.
    await signInAs(page, 'canbo.doanket');
    await visit(page, `/public-admin/${id}`);
    await page.getByRole('button', { name: 'Công khai phản ánh' }).click();
    await expect(page.getByRole('button', { name: 'Thôi công khai' })).toBeVisible();
    await expectAccessible(page);
    await page.context().clearCookies();

    // Anyone: the public list, searched without diacritics and filtered by category.
    await visit(page, '/reports-public');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(word.toLowerCase().replace('ậ', 'a'));
    await page.getByLabel('Loại vi phạm').selectOption('do_rac');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await expect(page).toHaveURL(/category=do_rac/);
    const rows = page.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`Đổ rác ven suối ${word}`);
    await expect(page.locator('main')).not.toContainText('Kín');
    await expect(page.locator('main')).not.toContainText('22.4331');
    await expectAccessible(page);
    const json = await (await request.get(`/open311/v2/requests.json?service_request_id=${id},${hidden}`)).text();
    expect(json).not.toContain('Chưa công khai');
    expect(json).not.toContain('kin@example.vn');

    // A bad date is reported, the list still renders.
    await visit(page, `/reports-public?from=32/13/2025&q=${encodeURIComponent(word)}`);
    await expect(page.getByRole('alert')).toContainText('Không có tháng 13');
    await visit(page, `/reports-public?from=31/04/2025&q=${encodeURIComponent(word)}`);
    await expect(page.getByRole('alert')).toContainText('Ngày 31/04/2025 không có trong lịch');
    await expect(page.getByLabel('Từ ngày')).toHaveValue('31/04/2025');
    await expectAccessible(page);

    // The map page is the list (no script, paginated) with a link to the map with the same filters.
    await visit(page, `/map?q=${encodeURIComponent(word)}`);
    await expect(page.locator('tbody tr')).toHaveCount(1);
    await expect(page.locator('tbody tr').first()).toContainText(`Đổ rác ven suối ${word}`);
    await page.getByRole('link', { name: 'Hiện bản đồ' }).click();
    await expect(page).toHaveURL(new RegExp(`/map/view\\?q=${encodeURIComponent(word)}`));
    const region = page.getByRole('region', { name: 'Bản đồ các phản ánh đã công khai' });
    if (jsEnabled()) {
      // Leaflet, the outlines and the markers are fetched only when asked for: nothing before the button.
      await expect(region).toHaveCount(0);
      const layers: string[] = [];
      page.on('request', (r) => layers.push(new URL(r.url()).pathname));
      await page.getByRole('button', { name: 'Hiện bản đồ' }).click();
      await expect(region).toHaveAttribute('data-ready', 'true');
      await expect(page.locator('.leaflet-interactive').first()).toBeAttached();
      expect(layers).toEqual(expect.arrayContaining(['/map/communes.json', '/map/markers.json']));
      await expectAccessible(page);
    } else {
      await expect(region).toHaveCount(0);
      // No button without a script; the way back to the list stays.
      await expect(page.getByRole('button', { name: 'Hiện bản đồ' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Xem dạng danh sách' })).toHaveAttribute('href', /^\/map\?q=/);
      await expectAccessible(page);
    }
    // Markers: only the filtered, published report, at its rounded position, without its text.
    const markers = (await (await request.get(`/map/markers.json?q=${encodeURIComponent(word)}`)).json()).reports;
    expect(markers).toHaveLength(1);
    expect(markers[0].id).toBe(id);
    expect(markers[0].lat).not.toBe(22.4331);
    expect(JSON.stringify(markers)).not.toContain('Đổ rác ven suối');
    const outlines = await request.get('/map/communes.json');
    expect(outlines.headers()['cache-control']).toContain('public');
    expect((await outlines.json()).communes.length).toBeGreaterThan(30);
  }
);

test('exports need an officer, stay in scope and hide identities', async ({ page, request }) => {
  const anon = await request.get('/exports/reports.csv');
  expect(anon.status()).toBe(401);
  await signInAs(page, 'canbo.binhlu');
  const csv = await page.request.get('/exports/reports.csv');
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.startsWith('\uFEFFMã,') || text.startsWith('Mã,')).toBe(true);
  expect(text).not.toContain('Đổ rác ven suối');
  const xlsx = await page.request.get('/exports/reports.xlsx');
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  const geo = await request.get('/exports/public.geojson');
  expect((await geo.json()).type).toBe('FeatureCollection');
});
