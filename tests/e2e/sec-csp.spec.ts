/**
 * Content-Security-Policy: every page says scripts run only from this site or with the page's own
 * nonce, so markup slipped into a page (a report text, a news item) can never run a script. The
 * app's own start-up script carries the nonce, so pages still hydrate; nothing the app itself does
 * is reported as a violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, jsEnabled, signInAs } from './support';

const PUBLIC_PAGES = ['/', '/report', '/login', '/map', '/map/view', '/tin', '/khong-co-trang-nay'];
const SIGNED_IN_PAGES = ['/account', '/queue', '/program/models/map'];
/** Pages rendered without client-side code (`csr = false`): links and plain forms only. */
const SCRIPT_FREE = new Set(['/', '/login', '/map']);

function directives(header: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

function expectStrictPolicy(header: string | undefined, path: string) {
  const csp = directives(header);
  const scripts = csp.get('script-src') ?? [];
  if (SCRIPT_FREE.has(path)) {
    // A page that ships no script at all gets no nonce: only files from this site may run.
    expect(scripts, `script-src on ${path}`).toEqual(["'self'"]);
  } else {
    expect(scripts, `script-src on ${path}`).toContain("'self'");
    expect(
      scripts.some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)),
      `nonce on ${path}`
    ).toBe(true);
  }
  expect(scripts, `script-src on ${path}`).not.toContain("'unsafe-inline'");
  expect(scripts, `script-src on ${path}`).not.toContain("'unsafe-eval'");
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
}

/** Records every CSP violation the page reports, from the first byte of each document. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
    );
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function check(page: Page, path: string) {
  const response = await page.goto(path);
  expectStrictPolicy(response!.headers()['content-security-policy'], path);
  if (!SCRIPT_FREE.has(path)) await hydrated(page);
  await expectAccessible(page);
  if (jsEnabled()) expect(await violations(page), `CSP violations on ${path}`).toEqual([]);
}

test('every page carries a strict script policy, and the app itself never trips it', async ({ page }) => {
  // Nine pages, each loaded, hydrated and scanned: over the default minute on a busy machine.
  test.setTimeout(180_000);
  await recordViolations(page);
  for (const path of PUBLIC_PAGES) await check(page, path);
  await signInAs(page, 'canbo.tinh');
  for (const path of SIGNED_IN_PAGES) await check(page, path);
});

test('each response gets a fresh nonce', async ({ request }) => {
  const nonce = async () =>
    (await request.get('/report')).headers()['content-security-policy'].match(/'nonce-([^']+)'/)![1];
  expect(await nonce()).not.toBe(await nonce());
});

test('a script injected into the page does not run, and the page still hydrates', async ({ page }) => {
  test.skip(!jsEnabled(), 'scripts only run with JavaScript on');
  await recordViolations(page);
  // As if a text on the page had escaped its escaping: markup inside the server's own HTML.
  await page.route('**/report', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</body>',
      '<script>window.__injected = "inline"</script>' +
        '<img src="/no-such-image.png" onerror="window.__injected = \'handler\'" alt="">' +
        '<script src="data:text/javascript,window.__injected=%22data%22"></script></body>'
    );
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: response.status(), headers, body: html });
  });
  await page.goto('/report');
  await hydrated(page);
  // The app's own script ran: the enhanced form and the map button work only after hydration.
  expect(await page.evaluate(() => history.scrollRestoration)).toBe('manual');
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  const blocked = await violations(page);
  expect(blocked.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
  // A script added later by code on the page (no nonce) is refused as well.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = "dynamic"';
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
});
