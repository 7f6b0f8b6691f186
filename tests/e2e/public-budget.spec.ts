/**
 * The public pages stay light enough for a weak rural link: each cold load (empty cache, at
 * 360 × 740) is at most 60 KB as transferred and at most 20 requests, anonymous and signed in.
 * The same measure as `scripts/bench-pages.ts`, run against the test server.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { jsEnabled, signInAs } from './support';

const BUDGET = { bytes: 60 * 1024, requests: 20 };

async function coldLoad(page: Page, path: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen: string[] = [];
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => seen.push(e.request.url));
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  const res = await page.goto(path, { waitUntil: 'networkidle' });
  await cdp.detach();
  return { status: res?.status() ?? 0, bytes, requests: seen.length, urls: seen };
}

/** The first public link on `list` under `prefix` (a news item, a library material). */
async function firstLink(page: Page, list: string, prefix: string): Promise<string> {
  await page.goto(list);
  const href = await page.locator(`main a[href^="${prefix}"]:not([href$=".xml"])`).first().getAttribute('href');
  expect(href, `a link to ${prefix} on ${list}`).toBeTruthy();
  return href!;
}

async function freshPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    javaScriptEnabled: jsEnabled(),
    viewport: { width: 360, height: 740 },
    isMobile: true
  });
  return ctx.newPage();
}

test('every public page loads cold within 60 KB and 20 requests', { tag: '@pg' }, async ({ browser, page }) => {
  test.setTimeout(120_000);
  const paths = [
    '/',
    '/tin',
    await firstLink(page, '/tin', '/tin/'),
    '/tai-lieu',
    await firstLink(page, '/tai-lieu?kind=loudspeaker_script', '/tai-lieu/'),
    '/xa/doan-ket-03388',
    '/du-lieu-mo',
    '/map',
    '/map/view',
    '/reports-public',
    // The report form: the page a villager opens alone on a weak link, in both languages.
    '/report',
    '/en/report',
    '/login',
    '/so-lieu/outreach_sessions',
    '/bang-vang'
  ];
  const over: string[] = [];
  for (const path of paths) {
    const fresh = await freshPage(browser);
    const r = await coldLoad(fresh, path);
    await fresh.context().close();
    expect(r.status, path).toBe(200);
    if (r.bytes > BUDGET.bytes || r.requests > BUDGET.requests)
      over.push(`${path}: ${(r.bytes / 1024).toFixed(1)} KB, ${r.requests} requests`);
  }
  expect(over).toEqual([]);
});

test('the home page of a signed-in member is as light as the public one', async ({ page }) => {
  await signInAs(page, 'chihoi.truong');
  const r = await coldLoad(page, '/');
  expect(r.status).toBe(200);
  await expect(page.getByRole('heading', { name: 'Việc cần làm' })).toBeVisible();
  expect(r.bytes, r.urls.join('\n')).toBeLessThanOrEqual(BUDGET.bytes);
  expect(r.requests, r.urls.join('\n')).toBeLessThanOrEqual(BUDGET.requests);
});
