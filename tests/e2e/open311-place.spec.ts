/**
 * A report sent by an Open311 client with only an address: it waits in the province queue
 * marked "Chưa xác định xã"; the province officer places it (commune, village, point), after
 * which it is in the commune's queue. JS on and off, axe on every page, at 360 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expectAccessible, follow, hydrated, signInAs, visit } from './support';
import { withDb } from './report-workflow.db';

const tag = () => Math.random().toString(36).slice(2, 8);

/** An Open311 key straight into the database (the key page has its own test). */
async function issueKey(): Promise<string> {
  const key = `o311_${randomBytes(24).toString('hex')}`;
  await withDb((exec) =>
    exec(`insert into open311_api_key (id, name, key_hash, created_at) values (?, ?, ?, ?)`, [
      randomUUID(),
      `place test ${tag()}`,
      createHash('sha256').update(key).digest('hex'),
      new Date().toISOString()
    ])
  );
  return key;
}

async function submitButton(page: Page, name: string) {
  await hydrated(page);
  await page.getByRole('button', { name }).click();
}

test('the province officer places an address-only Open311 report', { tag: '@pg' }, async ({ page }) => {
  test.setTimeout(180_000);
  const word = tag();
  const address = `Đồi thông sau trường, bản Nà Khum ${word}`;
  const res = await page.request.post('/open311/v2/requests.json', {
    form: {
      api_key: await issueKey(),
      service_code: 'khai_thac_go',
      address_string: address,
      description: `Chặt cây ${word}`
    }
  });
  expect(res.status()).toBe(200);
  const id = (await res.json())[0].service_request_id as string;
  const ref = id.slice(0, 8).toUpperCase();

  // A point outside the province is refused on Open311 with a clear message.
  const outside = await page.request.post('/open311/v2/requests.json', {
    form: { api_key: await issueKey(), service_code: 'do_rac', lat: '21.0285', long: '105.8542', description: 'x' }
  });
  expect(outside.status()).toBe(400);
  expect((await outside.json())[0].description).toMatch(/outside every commune/);

  await signInAs(page, 'canbo.tinh');
  await visit(page, `/queue?q=${word}`);
  const row = page.getByRole('row').filter({ hasText: ref });
  await expect(row).toContainText('Chưa xác định xã');
  await page.screenshot({ path: 'test-results/open311-queue.png', fullPage: true });
  await follow(page, row.getByRole('link', { name: ref }));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ref);
  await expectAccessible(page);
  await expect(page.getByText(address)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Xác định địa điểm' })).toBeVisible();

  // Saving without a commune names the field.
  await submitButton(page, 'Lưu địa điểm');
  await expect(page.getByRole('alert')).toContainText('Xin chọn xã, phường.');
  await expectAccessible(page);

  await hydrated(page);
  await page.getByLabel('Xã, phường', { exact: true }).selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByRole('button', { name: 'Xem thôn, bản của xã đã chọn' }).click();
  await expect(page.getByLabel('Thôn, bản', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await hydrated(page);
  await expect(page.getByLabel('Xã, phường', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByLabel('Thôn, bản', { exact: true }).selectOption({ label: 'Bản Mẫu Một (demo)' });
  await page.getByLabel('Vĩ độ').fill('22,4331');
  await page.getByLabel('Kinh độ').fill('103,4012');
  await page.screenshot({ path: 'test-results/open311-place.png', fullPage: true });
  await page.getByRole('button', { name: 'Lưu địa điểm' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText('Chưa xác định xã')).toHaveCount(0);
  await expect(page.getByText('Bản Mẫu Một (demo)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Xác định địa điểm' })).toHaveCount(0);
  await expect(page.getByText('Đã xác định địa điểm')).toBeVisible();

  // Now the commune's officer has it in their queue.
  await signInAs(page, 'canbo.doanket');
  await visit(page, `/queue?q=${word}`);
  await expect(page.getByRole('row').filter({ hasText: ref })).toContainText('Đoàn Kết');
});

test('the report form refuses a pin outside the province with a clear message', async ({ page }) => {
  await visit(page, '/report');
  const ids = await withDb(async (exec) => ({
    cat: (await exec(`select id from category where code = ?`, ['do_rac']))[0].id as string
  }));
  const res = await page.request.post('/report', {
    headers: { origin: new URL(page.url()).origin },
    form: {
      category_id: ids.cat,
      channel: 'phan_anh',
      description: `Rác ở Hà Nội ${tag()}`,
      observed_on: new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }),
      lat: '21.0285',
      lon: '105.8542',
      location_source: 'pin',
      protection: 'anonymous',
      observer_kind: 'self'
    }
  });
  const html = await res.text();
  expect(html, `answered ${res.status()}`).toContain('Điểm đã chọn nằm ngoài các xã, phường mà hệ thống phục vụ');
});
