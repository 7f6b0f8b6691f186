/**
 * Setting the movement up in the browser: a province officer launches a campaign (a first try
 * without a name is refused with the typed criteria kept), corrects its criteria, and sets
 * a council's voting rule for one form of reward. JavaScript on and off, axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, signInAs, unique, visit } from './support';

test('launch a campaign, correct its criteria, set a voting rule', { tag: '@pg' }, async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Đợt thi đua ${unique()}`;
  await signInAs(page, 'canbo.tinh');
  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: 'Phát động phong trào mới' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phát động phong trào thi đua');
  await hydrated(page);
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: '/tmp/emul-new.png' });

  await page.getByLabel('Đăng ký đến ngày').fill('31/12/2030');
  await page.getByLabel('Đánh giá thành tích từ ngày').fill('1/1/2026');
  await page.getByLabel('Đánh giá thành tích đến ngày').fill('31/12/2030');
  const fresh = page.getByRole('group', { name: 'Tiêu chí mới (12)' });
  await fresh.getByLabel('Tên tiêu chí').fill('Trồng cây xanh ở bản');
  await fresh.getByLabel('Điểm', { exact: true }).fill('mười');
  await page.getByRole('button', { name: 'Phát động phong trào' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Tên phong trào, đợt thi đua')).toHaveAttribute('aria-invalid', 'true');
  await expect(fresh.getByLabel('Tên tiêu chí')).toHaveValue('Trồng cây xanh ở bản');
  await expectAccessible(page);
  await page.getByLabel('Tên phong trào, đợt thi đua').fill(name);
  await fresh.getByLabel('Điểm', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Phát động phong trào' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã phát động phong trào.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('listitem').filter({ hasText: 'Trồng cây xanh ở bản — ' })).toBeVisible();

  await page.getByRole('link', { name: 'Sửa phong trào và tiêu chí' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sửa phong trào và tiêu chí');
  await hydrated(page);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/emul-edit.png' });
  await expect(page.getByText('Chưa ai đăng ký theo phiên bản này')).toBeVisible();
  const first = page.getByRole('group', { name: 'Tiêu chí 1', exact: true });
  await first.getByLabel('Tên tiêu chí').fill('Sinh hoạt chi hội đủ 12 buổi');
  await page.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu bộ tiêu chí.');
  await expect(page.getByRole('heading', { name: 'Bộ tiêu chí (phiên bản 1)' })).toBeVisible();
  await page.getByLabel('Điểm đạt danh hiệu').fill('65');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu thông tin phong trào.');

  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: 'Quy tắc biểu quyết của Hội đồng' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quy tắc biểu quyết của Hội đồng');
  await hydrated(page);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/emul-rules.png' });
  const rulesForm = () => page.locator('form', { has: page.getByRole('button', { name: /Lưu quy tắc/ }) }).first();
  const form = rulesForm();
  await form
    .getByLabel('Bằng khen của Chủ tịch UBND tỉnh')
    .selectOption({ label: 'Từ 2/3 tổng số thành viên Hội đồng đồng ý' });
  await form.getByRole('button', { name: /Lưu quy tắc/ }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu quy tắc biểu quyết.');
  await expect(rulesForm().getByLabel('Bằng khen của Chủ tịch UBND tỉnh')).toHaveValue('two_thirds_of_members');
});
