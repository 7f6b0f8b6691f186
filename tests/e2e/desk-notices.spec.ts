/**
 * Officers are told what needs them and find it: a new report appears on their home page's
 * "việc cần làm", in their notifications (unread, then read), and through the queue's search,
 * whose filters survive in the URL; the custodian's reveal requests page is in their menu.
 * JS on and off, axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, openMenu, signInAs, visit } from './support';
import { fileThroughForm } from './report-workflow.db';

const tag = () => Math.random().toString(36).slice(2, 8);

const fileReport = async (page: import('@playwright/test').Page, description: string) =>
  (await fileThroughForm(page, description)).id;

test('a new report reaches the officer: home, notifications, queue search', async ({ page }) => {
  test.setTimeout(120_000);
  const word = tag();
  const id = await fileReport(page, `Đổ rác xuống suối Nậm Mạ ${word}`);
  const ref = id.slice(0, 8).toUpperCase();
  await signInAs(page, 'canbo.doanket');

  await visit(page, '/');
  const todo = page.getByRole('heading', { name: 'Việc cần làm' });
  await expect(todo).toBeVisible();
  await expect(page.getByRole('link', { name: /Thông báo chưa đọc: \d+/ })).toBeVisible();
  // The folded phone menu shows that something waits; inside, the notifications entry has the count.
  await expect(page.locator('details.menu > summary')).toContainText(/\d/);
  await openMenu(page);
  await expect(
    page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: /Thông báo/ })
  ).toContainText(/\d/);

  await visit(page, '/notifications?show=unread');
  const item = page.getByRole('listitem').filter({ hasText: ref });
  await expect(item).toContainText('Phản ánh mới');
  await expect(item).toContainText('Chưa đọc');
  await item.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
  await expect(page.getByRole('status')).toContainText('Đã đánh dấu đã đọc');
  await expect(page.getByRole('listitem').filter({ hasText: ref })).toContainText('Đã đọc');
  await expectAccessible(page);

  await visit(page, '/queue');
  await page.getByLabel('Nội dung hoặc mã tham chiếu').fill(`nam ma ${word}`);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=nam\\+ma\\+${word}`));
  await expect(page.getByRole('link', { name: ref })).toBeVisible();
  await expect(page.getByLabel('Nội dung hoặc mã tham chiếu')).toHaveValue(`nam ma ${word}`);
  await expectAccessible(page);
  // Another tab keeps the search.
  await page.getByRole('link', { name: 'Mới', exact: true }).first().click();
  await expect(page).toHaveURL(/tab=new.*q=/);
  await expect(page.getByRole('link', { name: ref })).toBeVisible();
});

test('the identity custodian has the reveal requests page in the menu', async ({ page }) => {
  await signInAs(page, 'baomat');
  await visit(page, '/');
  await openMenu(page);
  await page
    .getByRole('link', { name: /Đề nghị xem danh tính/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đề nghị xem danh tính đang chờ');
  await expectAccessible(page);
});
