/**
 * The voice note of the public form (JavaScript only). Its recorder is a module of its own,
 * fetched when "Bắt đầu ghi âm" is pressed; headless Chromium has no microphone, so an init
 * script gives getUserMedia a silent tone from an AudioContext (MediaRecorder itself is real).
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled, visit } from './support';

test('a voice note is recorded into the form, and can be deleted and recorded again', async ({ page }) => {
  test.skip(!jsEnabled(), 'recording needs JavaScript; without it the section is not shown');
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = async () => {
      const ctx = new AudioContext();
      const tone = ctx.createOscillator();
      const out = ctx.createMediaStreamDestination();
      tone.connect(out);
      tone.start();
      return out.stream;
    };
  });
  await visit(page, '/report');
  const voice = page.getByRole('group', { name: 'Kể bằng giọng nói (không bắt buộc)' });
  await voice.getByRole('button', { name: 'Bắt đầu ghi âm' }).click();
  await expect(voice.getByRole('status')).toHaveText('Đang ghi âm…');
  await page.waitForTimeout(300);
  await voice.getByRole('button', { name: 'Dừng ghi âm' }).click();
  await expect(voice.getByRole('status')).toHaveText('Đã ghi âm xong. Bản ghi sẽ được gửi kèm.');
  const files = () => page.locator('input[name="voice"]').evaluate((el) => (el as HTMLInputElement).files?.length ?? 0);
  expect(await files()).toBe(1);
  await expectAccessible(page);
  await voice.getByRole('button', { name: 'Xóa bản ghi' }).click();
  expect(await files()).toBe(0);
  await expect(voice.getByRole('button', { name: 'Bắt đầu ghi âm' })).toBeVisible();
});
