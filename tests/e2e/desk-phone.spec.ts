/**
 * Phone layouts at 360 × 740: on every screen of the list (public, member, officer, admin) the
 * page never scrolls sideways and the header — the folded menu included — takes at most 20 % of
 * the first screen, definition lists never put a label over a value, and a table wider than the
 * phone scrolls inside a named region; the folded menu opens and leads on, with JavaScript on and off.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, follow, openMenu, signInAs, unique, visit } from './support';
import { insertReport } from './report-workflow.db';

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
  const { overlaps, unlabelled } = await page.evaluate(() => {
    const cut = (a: DOMRect, b: DOMRect) =>
      a.width > 0 &&
      b.width > 0 &&
      a.left < b.right - 1 &&
      b.left < a.right - 1 &&
      a.top < b.bottom - 1 &&
      b.top < a.bottom - 1;
    // Definition lists: no label sits on a value or another label.
    const overlaps: string[] = [];
    for (const dl of document.querySelectorAll('main dl')) {
      const cells = [...dl.querySelectorAll(':scope > dt, :scope > dd, :scope > div > dt, :scope > div > dd')];
      const boxes = cells.map((c) => c.getBoundingClientRect());
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          if (cut(boxes[i], boxes[j]))
            overlaps.push(`${cells[i].textContent?.trim()} / ${cells[j].textContent?.trim()}`);
    }
    // A table wider than the phone scrolls inside a region with a name (keyboard and screen readers reach it).
    const unlabelled: string[] = [];
    for (const t of document.querySelectorAll('main table')) {
      if (t.getBoundingClientRect().width <= 360) continue;
      const wrap = t.closest('[role="region"]');
      const scrolls = wrap && /auto|scroll/.test(getComputedStyle(wrap).overflowX);
      const named = wrap && (wrap.getAttribute('aria-label') || wrap.getAttribute('aria-labelledby'));
      if (!scrolls || !named || wrap.getAttribute('tabindex') !== '0')
        unlabelled.push(
          t.querySelector('caption')?.textContent?.trim() || t.querySelector('th')?.textContent?.trim() || '?'
        );
    }
    return { overlaps, unlabelled };
  });
  expect(overlaps, `${path}: labels and values overlap`).toEqual([]);
  expect(unlabelled, `${path}: wide tables outside a named scroll region`).toEqual([]);
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
  // A case page too (a report of its own: the queue may be empty on a fresh database).
  details.push(`/reports/${(await insertReport(unique('Điện thoại'))).id}`, await firstDetail(page, '/people'));
  for (const path of [
    '/',
    '/queue',
    '/notifications',
    '/program',
    '/program/dashboard',
    '/program/dashboard/map',
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
