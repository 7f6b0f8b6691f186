import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signInAs, visit } from './support';

/**
 * The model and plan forms carry a one-time key: a double click, or the very same form posted
 * again (a network retry), answers with the first record instead of making a second.
 */
const word = () => Math.random().toString(36).slice(2, 8);

/** What the form would post now (file inputs aside), read without page scripts. */
async function posted(page: Page): Promise<Record<string, string>> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lưu' }) });
  const out: Record<string, string> = {};
  for (const field of await form.locator('input[name], select[name], textarea[name]').all()) {
    const type = await field.getAttribute('type');
    if (type === 'file' || ((type === 'checkbox' || type === 'radio') && !(await field.isChecked()))) continue;
    out[(await field.getAttribute('name'))!] = await field.inputValue();
  }
  return out;
}

async function retried(page: Page, url: string, form: Record<string, string>, baseURL: string) {
  const again = await page.request.post(url, {
    headers: { origin: baseURL, accept: 'text/html' },
    form,
    maxRedirects: 0
  });
  expect(again.status()).toBe(303);
  return again.headers().location;
}

test('a double-clicked or retried model form makes one model', { tag: '@pg' }, async ({ page, baseURL }) => {
  const name = `Tổ giữ sạch suối một lần ${word()}`;
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/program/models/new');
  await expect(page.locator('input[name=submission_key]')).toHaveValue(/^[0-9a-f]{32}$/);
  await page.getByLabel('Tên mô hình').fill(name);
  await page.getByLabel('Loại mô hình').selectOption({ label: 'Giữ sạch suối, nguồn nước' });
  await page.getByLabel('Ngày bắt đầu').fill('01/09/2026');
  await page.getByLabel('Địa bàn').selectOption({ label: 'Bản Mẫu Hai (demo)' });
  const form = await posted(page);
  await page.getByRole('button', { name: 'Lưu' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('status')).toHaveText('Đã thêm mô hình.');
  await expectAccessible(page);
  const detail = new URL(page.url()).pathname;
  expect(await retried(page, '/program/models/new', form, baseURL!)).toBe(`${detail}?saved=created`);
  await visit(page, '/program/models?kind=clean_stream');
  await expect(page.getByRole('link', { name })).toHaveCount(1);
});

test('a double-clicked or retried plan form makes one plan', { tag: '@pg' }, async ({ page, baseURL }) => {
  const year = String(2050 + Math.floor(Math.random() * 50));
  await signInAs(page, 'canbo.tinh');
  await visit(page, '/program/plans/new');
  await page.getByLabel('Năm').fill(year);
  await page.getByLabel('Số lớp tập huấn (lớp)').fill('3');
  const form = await posted(page);
  await page.getByRole('button', { name: 'Lưu' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Kế hoạch năm ${year}`);
  await expect(page.getByRole('status')).toHaveText('Đã thêm kế hoạch năm.');
  await expectAccessible(page);
  const detail = new URL(page.url()).pathname;
  // Without the key the second post would be refused as "this plan already exists".
  expect(await retried(page, '/program/plans/new', form, baseURL!)).toBe(`${detail}?saved=created`);
});
