/**
 * Cross-site writes are refused by the framework's check, except Open311's form posts from
 * servers; the JSON API refuses cross-site writes made with a session cookie.
 */
import { expect, test } from '@playwright/test';
import { signInAs } from './support';

test('cross-site form posts are refused; Open311 server posts are not', async ({ request, baseURL }) => {
  const evil = { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
  const login = await request.post('/login', { headers: evil, data: 'username=quantri&password=x' });
  expect(login.status()).toBe(403);
  expect(await login.text()).toContain('Cross-site');
  const open311 = await request.post('/open311/v2/requests.json', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: 'service_code=x&lat=22.4&long=103.4&description=test'
  });
  expect(await open311.text()).not.toContain('Cross-site');
  expect(open311.status()).toBeLessThan(500);
  expect(new URL(baseURL!).origin).toBeTruthy();
});

test('the JSON API refuses cross-site writes made with a session cookie', async ({ page, baseURL }) => {
  await signInAs(page, 'quantri');
  const body = { data: { name: 'x' }, failOnStatusCode: false };
  const cross = await page.request.post('/api/v1/organisations', {
    ...body,
    headers: { origin: 'https://evil.example' }
  });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).error.code).toBe('FORBIDDEN');
  const same = await page.request.post('/api/v1/organisations', {
    ...body,
    headers: { origin: new URL(baseURL!).origin }
  });
  expect(same.status()).not.toBe(403);
});
