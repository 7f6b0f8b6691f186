/**
 * The campaign page's filter of communes and branches on a phone: the province officer types a
 * commune's name without diacritics and the lists (what may be registered, the registrations)
 * keep only that commune and its branches, with a count. JavaScript on (follows the typing) and
 * off (the Lọc button), axe on every state.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, jsEnabled, signInAs, visit } from './support';

const CAMPAIGN = 'Người cao tuổi tham gia bảo vệ môi trường, xây dựng nông thôn mới và đô thị văn minh';
const FOUND = 'Hội Người cao tuổi phường Đoàn Kết';

test('the province finds a commune among its communes by typing its name without diacritics', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, 'canbo.tinh');
  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await hydrated(page);
  const communes = page.getByRole('group', { name: 'Hội NCT cấp xã (khi Hội cấp tỉnh đăng ký)' });
  const before = await communes.getByRole('checkbox').count();
  expect(before).toBeGreaterThan(1);

  const search = page.getByRole('search', { name: 'Tìm xã, chi hội' });
  await search.getByLabel('Tên xã, chi hội').fill('doan ket');
  if (!jsEnabled()) await search.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/[?&]q=doan\+ket/);
  await expect(page.getByRole('status')).toContainText('có “doan ket” trong tên');
  await expect(communes.getByRole('checkbox')).toHaveCount(1);
  await expect(communes.getByLabel(FOUND)).toBeVisible();
  // With JavaScript the page followed the typing and the field kept its focus and text.
  if (jsEnabled()) await expect(search.getByLabel('Tên xã, chi hội')).toBeFocused();
  await expect(search.getByLabel('Tên xã, chi hội')).toHaveValue('doan ket');
  await expectAccessible(page);
  await page.screenshot({ path: `/tmp/emul2-filter-${jsEnabled() ? 'js' : 'nojs'}.png`, fullPage: false });

  // Nothing by that name: every list is empty and the count says so.
  await search.getByLabel('Tên xã, chi hội').fill('khong co xa nay');
  if (!jsEnabled()) await search.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByRole('status')).toContainText('Có 0 xã, chi hội');
  await expect(communes).toHaveCount(0);
  await expectAccessible(page);

  await search.getByRole('link', { name: 'Bỏ lọc' }).click();
  await expect(
    page.getByRole('group', { name: 'Hội NCT cấp xã (khi Hội cấp tỉnh đăng ký)' }).getByRole('checkbox')
  ).toHaveCount(before);
});
