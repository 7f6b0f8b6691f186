/**
 * The Sở's director decides the department's Giấy khen (issue 10): lanhdao.so finds the
 * Chi cục Kiểm lâm the province's council nominated, reads its dossier read only, issues the
 * decision and downloads it as a real .docx. JavaScript on and off, axe on every page, at phone
 * size. The runs may share a database, so a nomination already decided is read from the awards.
 * The Sở also downloads the province council's dossier papers (the proposal, the nominee's report
 * of achievements); once decided the page says nothing is left to decide, and the province's
 * officer finds no form to nominate the rewarded achievement again, only the reason.
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

/** Downloads one paper of the province council's dossier from the campaign page and reads its text. */
async function dossierPaper(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  return docxText(await readFile(await download.path()));
}
const PROPOSAL = 'Tờ trình đề nghị khen thưởng (.docx)';
const REPORT = `Báo cáo thành tích của ${UNIT} (.docx)`;

const awarded = (page: Page) =>
  page.getByRole('listitem').filter({ hasText: UNIT }).filter({ hasText: 'Quyết định số' });

test('the Sở’s director reads the nominee’s dossier, decides and downloads the decision @pg', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'lanhdao.so');
  await openCampaign(page);
  // The council's dossier papers open for the level the nomination went to (pending or decided).
  await expect(page.getByRole('heading', { name: 'Hồ sơ đề nghị khen thưởng' })).toBeVisible();
  expect(await dossierPaper(page, PROPOSAL)).toContain(UNIT);
  const pending = page.getByRole('link', { name: `Xem hồ sơ của ${UNIT}` });
  const wasPending = (await pending.count()) > 0;
  await (wasPending ? pending : awarded(page).getByRole('link', { name: UNIT, exact: true })).click();

  // The dossier: the province's assessment, its council's votes, and nothing to act on.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(UNIT);
  await hydrated(page);
  // The demo branch assessment is now the sum of its criteria (every one at its maximum, with the reason).
  await expect(page.getByText(/Chi hội: 40/)).toBeVisible();
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

  // Nothing is left to decide: a sentence, not an empty form.
  const decision = page.getByRole('heading', { name: 'Quyết định khen thưởng', exact: true });
  await expect(decision).toBeVisible();
  await expect(page.getByText('Không còn đề nghị nào chờ quyết định khen thưởng.')).toBeVisible();
  await expect(page.getByRole('button', { name: DECIDE, exact: true })).toHaveCount(0);
  const report = await dossierPaper(page, REPORT);
  expect(report).toContain(`Thành tích của ${UNIT}`);
  expect(report).toContain('THÀNH TÍCH ĐẠT ĐƯỢC');
  // Only what was nominated to the Sở is in its copy: the next candidate's report is not found.
  const reports = page.getByRole('link', { name: /^Báo cáo thành tích của / });
  const href = (await reports.first().getAttribute('href'))!;
  const next = href.replace(/-\d+\.docx/, `-${(await reports.count()) + 1}.docx`);
  expect((await page.request.get(next)).status()).toBe(404);
  await page.screenshot({ path: 'test-results/so3-decide.png', fullPage: true });
});

test('the province cannot nominate an achievement already rewarded, and is told why @pg', async ({ page }) => {
  await signInAs(page, 'canbo.tinh');
  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await page.getByRole('link', { name: UNIT, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(UNIT);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Đề nghị lên cấp trên' })).toBeVisible();
  await expect(page.getByText(/đã được khen thưởng theo Quyết định số \d+\/QĐ-/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gửi đề nghị' })).toHaveCount(0);
  await expectAccessible(page);
});
