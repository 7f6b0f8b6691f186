/**
 * The browser downloads only the reader's language (scripts/locale-split.ts): a
 * Vietnamese page's scripts carry no English text, and an English page is English everywhere —
 * what the server rendered and what the scripts draw afterwards — for one extra request.
 */
import { expect, test, type Page } from '@playwright/test';
import { jsEnabled, signInAs, visit } from './support';

/** English-only text of the report form: its title (server-rendered) and a JS-only button. */
const EN_TITLE = 'Report an environmental violation';
const EN_SCRIPT_ONLY = 'Use my location';

/** Every script the page loads, with its body, and the errors thrown while it runs. */
function watchScripts(page: Page) {
  const scripts: { url: string; body: Promise<string> }[] = [];
  const errors: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), body: r.text() });
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { scripts, errors };
}

const isTable = (url: string) => /\/en-messages\.[\w-]+\.js$/.test(url);

test('a Vietnamese page downloads no English text', async ({ page }) => {
  test.skip(!jsEnabled(), 'without JavaScript no scripts are downloaded at all');
  const { scripts, errors } = watchScripts(page);
  await visit(page, '/report');
  await expect(page.getByRole('button', { name: 'Dùng vị trí của tôi' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(3);
  for (const s of scripts) {
    expect(isTable(s.url), s.url).toBe(false);
    const body = await s.body;
    expect(body, s.url).not.toContain(EN_TITLE);
    expect(body, s.url).not.toContain(EN_SCRIPT_ONLY);
  }
  expect(errors).toEqual([]);
});

test('the report form in English is English before and after its scripts run', async ({ page }) => {
  const { scripts, errors } = watchScripts(page);
  await visit(page, '/en/report');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN_TITLE);
  await expect(page.getByRole('button', { name: 'Send the report' })).toBeVisible();
  if (jsEnabled()) {
    // Drawn only by the script, so its words come from the English table.
    await expect(page.getByRole('button', { name: EN_SCRIPT_ONLY })).toBeVisible();
    expect(scripts.filter((s) => isTable(s.url))).toHaveLength(1);
  }
  expect(errors).toEqual([]);
});

test('a signed-in page in English, reached by the language switch', async ({ page }) => {
  const { scripts, errors } = watchScripts(page);
  await signInAs(page, 'hoivien');
  await visit(page, '/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài khoản của tôi');
  expect(scripts.filter((s) => isTable(s.url))).toHaveLength(0);
  await page.getByRole('link', { name: 'Chuyển sang tiếng Anh' }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
  await visit(page, '/en/account');
  if (jsEnabled()) {
    // A page the script draws after a click (client-side navigation) is English too.
    await page.getByRole('link', { name: 'Change password' }).first().click();
    await expect(page).toHaveURL(/\/en\/account\/password$/);
    await expect(page.getByRole('button', { name: 'Change password' })).toBeVisible();
  }
  // And back: the Vietnamese page works without the table.
  await page.getByRole('link', { name: 'Switch to Vietnamese' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  expect(errors).toEqual([]);
});
