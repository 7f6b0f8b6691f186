/**
 * The headers the real server sends: features limited to camera, microphone and location for
 * this site, no HSTS over plain HTTP, and signed-in pages never kept in the browser's cache.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './support';

test('public pages limit browser features; signed-in pages are not cached', async ({ page }) => {
  const home = await page.goto('/');
  await expectAccessible(page);
  const pub = home!.headers();
  expect(pub['x-content-type-options']).toBe('nosniff');
  expect(pub['referrer-policy']).toBe('same-origin');
  expect(pub['permissions-policy']).toContain('camera=(self), microphone=(self), geolocation=(self)');
  expect(pub['permissions-policy']).toContain('payment=()');
  expect(pub['strict-transport-security']).toBeUndefined(); // the test server runs over http
  expect(pub['cache-control'] ?? '').not.toContain('no-store');

  await signInAs(page, 'baomat');
  const account = await page.goto('/account');
  await expectAccessible(page);
  expect(account!.status()).toBe(200);
  expect(account!.headers()['cache-control']).toBe('no-store');
  expect(account!.headers()['permissions-policy']).toContain('geolocation=(self)');
});
