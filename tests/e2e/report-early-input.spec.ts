/**
 * On a slow phone the report form is shown (server-rendered) seconds before its script arrives.
 * What the villager ticks, types and chooses in that time must still be there once the script
 * has taken over, and must be what is sent.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled } from './support';

test('what is ticked and typed before the form’s script arrives is kept and sent', { tag: '@pg' }, async ({ page }) => {
  const text = `Khói đốt rác bay vào trường ${Math.random().toString(36).slice(2, 8)}`;
  // Hold back every script of the page until the villager has filled in the first questions.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/report', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Đốt rác, chất thải').check();
  await page.getByLabel('2. Kể lại điều ông/bà thấy').fill(text);
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByRole('radio', { name: /Kiến nghị/ }).check();
  release();
  if (jsEnabled()) await page.waitForFunction(() => history.scrollRestoration === 'manual');

  await expect(page.getByLabel('Đốt rác, chất thải')).toBeChecked();
  await expect(page.getByLabel('2. Kể lại điều ông/bà thấy')).toHaveValue(text);
  await expect(page.getByLabel('Xã, phường')).toHaveValue(/.+/);
  await expect(page.getByRole('radio', { name: /Kiến nghị/ })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
});
