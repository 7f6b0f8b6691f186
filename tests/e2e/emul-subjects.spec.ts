/**
 * Collective subjects in the browser: the province officer registers, in the program's own
 * campaign, a unit of the environment department (after a first try with nothing chosen) and
 * a commune Hội, then opens the collective's evaluation form (pre-filled from the records) and
 * saves the assessment. JavaScript on and off, axe on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, signInAs, visit } from './support';

const CAMPAIGN = 'Người cao tuổi tham gia bảo vệ môi trường, xây dựng nông thôn mới và đô thị văn minh';
const PROVINCE = 'Hội Người cao tuổi tỉnh Lai Châu';
const ENV_UNIT = 'Chi cục Bảo vệ môi trường';
const COMMUNE = 'Hội Người cao tuổi phường Đoàn Kết';

const formWith = (page: Page, button: string) =>
  page.locator('form', { has: page.getByRole('button', { name: button, exact: true }) });

async function openCampaign(page: Page) {
  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await hydrated(page);
}

async function registerCollective(page: Page, kind: string, name: string | null) {
  const form = formWith(page, 'Đăng ký');
  await form.getByLabel('Đơn vị đăng ký').selectOption({ label: PROVINCE });
  await form.getByRole('radio', { name: kind }).check();
  if (name) await form.getByRole('group', { name: 'Tập thể đăng ký' }).getByLabel(name).check();
  await form.getByRole('button', { name: 'Đăng ký', exact: true }).click();
}

test('the province registers an environment collective and a commune Hội', { tag: '@pg' }, async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'canbo.tinh');
  await openCampaign(page);
  await expectAccessible(page);
  await expect(page.getByText('Tập thể ngành môi trường', { exact: false }).first()).toBeVisible();

  // Nothing chosen: refused, with the field marked.
  await registerCollective(page, 'Tập thể ngành môi trường', null);
  await expect(page.getByRole('alert')).toContainText('Xin chọn ít nhất một tập thể ngành môi trường để đăng ký.');
  await expectAccessible(page);

  await registerCollective(page, 'Tập thể ngành môi trường', ENV_UNIT);
  await expect(page.getByRole('status')).toHaveText('Đã đăng ký thi đua.');
  await registerCollective(page, 'Hội NCT cấp xã', COMMUNE);
  await expect(page.getByRole('status')).toHaveText('Đã đăng ký thi đua.');
  const listed = (name: string, kind: string) =>
    page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .filter({ hasText: kind });
  await expect(listed(ENV_UNIT, '(Tập thể ngành môi trường)')).toBeVisible();
  await expect(listed(COMMUNE, '(Hội NCT cấp xã)')).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: '/tmp/emul-subjects-campaign.png', fullPage: true });

  // The collective's evaluation form, pre-filled from the records, and its assessment.
  await page.getByRole('link', { name: ENV_UNIT, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENV_UNIT);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Phiếu đánh giá (lấy từ hồ sơ)' })).toBeVisible();
  await expectAccessible(page);
  const assess = () => formWith(page, 'Lưu kết quả bình xét');
  // Every criterion is from the records: the suggestions stand, the total is their sum.
  await assess().getByRole('button', { name: 'Lưu kết quả bình xét' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu đánh giá.');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/emul-subjects-registration.png', fullPage: true });
});
