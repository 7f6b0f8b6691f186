/**
 * The Sở's director decides the department's Giấy khen (issue 10): lanhdao.so finds the
 * Chi cục Kiểm lâm the province's council nominated, reads its dossier read only, issues the
 * decision and downloads it as a real .docx. JavaScript on and off, axe on every page, at phone
 * size. The runs may share a database, so a nomination already decided is read from the awards.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, signInAs, visit } from './support';
import { docxText } from '../support/documents';

const CAMPAIGN = 'Người cao tuổi tham gia bảo vệ môi trường, xây dựng nông thôn mới và đô thị văn minh';
const UNIT = 'Chi cục Kiểm lâm tỉnh Lai Châu';
const DECIDE = 'Ban hành quyết định';

async function openCampaign(page: Page) {
  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await hydrated(page);
  await expectAccessible(page);
}

const awarded = (page: Page) =>
  page.getByRole('listitem').filter({ hasText: UNIT }).filter({ hasText: 'Quyết định số' });

test('the Sở’s director reads the nominee’s dossier, decides and downloads the decision @pg', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'lanhdao.so');
  await openCampaign(page);
  const pending = page.getByRole('link', { name: `Xem hồ sơ của ${UNIT}` });
  const wasPending = (await pending.count()) > 0;
  await (wasPending ? pending : awarded(page).getByRole('link', { name: UNIT, exact: true })).click();

  // The dossier: the province's assessment, its council's votes, and nothing to act on.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(UNIT);
  await hydrated(page);
  await expect(page.getByText(/Chi hội: 80/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kết quả biểu quyết' })).toBeVisible();
  await expect(page.locator('main form')).toHaveCount(0);
  await expectAccessible(page);

  await openCampaign(page);
  if (wasPending) {
    const form = page.locator('form', { has: page.getByRole('button', { name: DECIDE, exact: true }) });
    await form.getByLabel(UNIT).check();
    await form.getByLabel('Người ký').fill('Giám đốc Sở');
    await form.getByRole('button', { name: DECIDE, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Đã ban hành quyết định khen thưởng.');
    await expectAccessible(page);
  }
  await expect(awarded(page)).toContainText(/Quyết định số \d+\/QĐ-/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    awarded(page).getByRole('link', { name: 'tải quyết định (.docx)' }).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const text = await docxText(await readFile(await download.path()));
  expect(text).toContain(UNIT);
  expect(text).toContain('Giám đốc Sở');
  await page.screenshot({ path: 'test-results/so3-decide.png', fullPage: true });
});
