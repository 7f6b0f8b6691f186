/**
 * Phone layouts at 360 × 740: on every screen of the list (public, member, officer, admin) the
 * page never scrolls sideways and the header — the folded menu included — takes at most 20 % of
 * the first screen; the folded menu opens and leads on, with JavaScript on and off.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, follow, openMenu, signInAs, visit } from './support';

const HEADER_MAX = 0.2 * 740;

/** The first detail page a list links to (so it is one the signed-in person may open). */
async function firstDetail(page: Page, list: string): Promise<string> {
  await visit(page, list);
  const href = await page
    .locator(`main a[href*="${list}/"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!).find((h) => /\/[0-9a-f-]{36}$/.test(h)));
  expect(href, `a detail link on ${list}`).toBeTruthy();
  return href!;
}

async function checkPhone(page: Page, path: string): Promise<void> {
  await visit(page, path);
  const { scroll, header } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    header: document.querySelector('.site-header')!.getBoundingClientRect().height
  }));
  expect(scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(360);
  expect(header, `${path} header height`).toBeLessThanOrEqual(HEADER_MAX);
}

test('public screens fit a 360 px phone', async ({ page }) => {
  for (const path of ['/', '/report', '/r', '/map', '/reports-public', '/tin', '/tai-lieu', '/units', '/login'])
    await checkPhone(page, path);
});

test('an officer’s screens fit a 360 px phone, detail pages included', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'canbo.doanket');
  const details = [];
  for (const list of ['/program/plans', '/program/commitments', '/program/activities', '/program/models'])
    details.push(await firstDetail(page, list));
  for (const path of [
    '/',
    '/queue',
    '/notifications',
    '/program',
    '/program/dashboard',
    '/program/plans',
    '/program/commitments',
    '/program/activities',
    '/program/models',
    ...details,
    '/people',
    '/organisations',
    '/account'
  ])
    await checkPhone(page, path);
});

test('an administrator’s screens fit a 360 px phone', async ({ page }) => {
  await signInAs(page, 'quantri');
  for (const path of ['/admin', '/admin/audit', '/admin/accounts']) await checkPhone(page, path);
});

test('the folded menu opens, shows what waits, and leads on', async ({ page }) => {
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/');
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav).toBeHidden();
  await openMenu(page);
  await expect(nav.getByRole('link', { name: 'Hàng chờ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('menu-open.png') });
  await follow(page, nav.getByRole('link', { name: 'Hàng chờ' }));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hàng chờ');
  // A followed link closes the menu again (without JavaScript the new page starts closed).
  await expect(nav).toBeHidden();
});
