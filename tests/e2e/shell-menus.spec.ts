import { expect, test } from '@playwright/test';
import { expectAccessible, openMenu, signInAs, visit } from './support';

const ROLES = ['hoivien', 'chihoi.truong', 'canbo.doanket', 'kiemlam', 'lanhdao.so', 'baomat', 'lanhdao', 'quantri'];

for (const login of ROLES) {
  test(`every menu item of ${login} opens a page (no 403, no error)`, async ({ page }) => {
    await signInAs(page, login);
    await visit(page, '/');
    await openMenu(page);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) {
      const res = await page.goto(href);
      expect(res?.status(), `${login} → ${href}`).toBeLessThan(400);
    }
  });
}

test('a member is told plainly when a page is not for them, distinct from a server error', async ({ page }) => {
  await signInAs(page, 'hoivien');
  await visit(page, '/');
  await openMenu(page);
  await expect(
    page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tổ chức' })
  ).toHaveCount(0);
  const res = await page.goto('/program');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn không có quyền xem trang này');
  await expect(page.getByText('Đã có lỗi xảy ra')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Về trang chủ' })).toBeVisible();
  await expectAccessible(page);
  const missing = await page.goto('/program/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Quay lại mục trên' })).toHaveAttribute('href', '/program');
  await expectAccessible(page);
});

test('in English the program hub links stay in English', async ({ page }) => {
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/en/program');
  const hrefs = await page.locator('main .hub a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(4);
  for (const href of hrefs) expect(href).toMatch(/^\/en\/program\//);
  await page.locator('main .hub a').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
