/**
 * A member's own side of the movement (issue 10): her registrations name their campaign, the
 * campaign she cannot open is shown unlinked, she fills in her self-assessment, and the branch
 * leader sees it. JavaScript on and off, axe on every page, at phone size.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, signInAs, visit } from './support';

const CAMPAIGN = 'Tuổi cao – Gương sáng giai đoạn 2026–2030';
const MEMBER = 'Lường Thị Ún';

const formWith = (page: Page, button: string) =>
  page.locator('form', { has: page.getByRole('button', { name: button, exact: true }) });

/** The branch leader registers her unless the demo (or an earlier run) already has. */
async function registerMember(page: Page) {
  await signInAs(page, 'chihoi.truong');
  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await hydrated(page);
  const register = formWith(page, 'Đăng ký');
  // Each choice reads "name (branch)".
  const box = register.getByLabel(MEMBER);
  if (!(await box.count())) return;
  await box.check();
  await register.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/Đã đăng ký thi đua\.|đã được đăng ký trong phong trào từ trước/);
  await expectAccessible(page);
}

test('a member finds her registration by campaign and fills her self-assessment', async ({ page }) => {
  test.setTimeout(120_000);
  await registerMember(page);

  await signInAs(page, 'hoivien');
  await visit(page, '/thi-dua');
  await expect(page.getByRole('heading', { name: 'Đăng ký thi đua của ông/bà' })).toBeVisible();
  // She also has a registration in the closed 2021–2025 campaign: the campaign name tells them apart.
  const mine = page.getByRole('listitem').filter({ hasText: CAMPAIGN }).filter({ hasText: MEMBER });
  await expect(mine).toHaveCount(1);
  await mine.getByRole('link', { name: MEMBER }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MEMBER);
  await hydrated(page);
  // A member cannot open the campaign page, so its name is plain text, not a link to a 404.
  await expect(page.getByText(CAMPAIGN, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: CAMPAIGN })).toHaveCount(0);
  await expectAccessible(page);

  const self = () => formWith(page, 'Lưu tự đánh giá');
  await self().getByLabel('Tham gia sinh hoạt chi hội đều đặn').fill('8x');
  await self().getByRole('button', { name: 'Lưu tự đánh giá' }).click();
  await expect(page.getByRole('alert')).toContainText('Ghi số điểm từ 0 đến 15');
  await expectAccessible(page);
  // Her own points per criterion; more than the records show needs the reason she writes below.
  await self().getByLabel('Tham gia sinh hoạt chi hội đều đặn').fill('15');
  await self().getByLabel('Chăm sóc, giúp đỡ người cao tuổi khó khăn').fill('15');
  await self().getByLabel('Phản ánh vi phạm về môi trường').fill('10');
  await self().getByLabel('Nhận xét').fill('Tham gia nhặt rác và vận động con cháu phân loại rác.');
  await self().getByRole('button', { name: 'Lưu tự đánh giá' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu đánh giá.');
  await expect(page.getByText(/Tự đánh giá: \d+ · Chi hội: —/)).toBeVisible();
  await expect(self().getByLabel('Nhận xét')).toHaveValue('Tham gia nhặt rác và vận động con cháu phân loại rác.');
  await expectAccessible(page);
  await page.screenshot({ path: `/tmp/espec-member-${test.info().project.name}.png`, fullPage: true });

  // The branch leader opens the same registration and sees what she wrote.
  await signInAs(page, 'chihoi.truong');
  await page.goto(page.url().replace(/\?.*$/, ''));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MEMBER);
  await expect(page.getByRole('link', { name: CAMPAIGN })).toBeVisible();
  await expect(page.getByText(/Tự đánh giá: \d+ · Chi hội: —/)).toBeVisible();
  await expectAccessible(page);
});
