/**
 * Signed-in pages stay light enough for a weak rural link too (issue 8 §4): each cold load
 * (empty cache, 360 × 740) is at most 60 KB as transferred and at most 20 requests, the same
 * measure as `scripts/bench-pages.ts`. The public pages are in public-budget.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support';

const BUDGET = { bytes: 60 * 1024, requests: 20 };

async function coldLoad(page: Page, path: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let requests = 0;
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', () => requests++);
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  const res = await page.goto(path, { waitUntil: 'networkidle' });
  await cdp.detach();
  return { status: res?.status() ?? 0, bytes, requests };
}

/** The first record `list` links to (`/people/<id>`…), for the record pages below. */
async function firstRecord(page: Page, list: string, pattern: RegExp): Promise<string> {
  const html = await (await page.request.get(list)).text();
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((x) => x[1]).find((h) => pattern.test(h));
  expect(href, `a record linked from ${list}`).toBeTruthy();
  return href!;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const record = (prefix: string) => new RegExp(`^${prefix}/${UUID}$`);

/** The first registration of the first campaign that lists one (a campaign's page is its list). */
async function firstRegistration(page: Page): Promise<string> {
  const hrefs = async (path: string) =>
    [...(await (await page.request.get(path)).text()).matchAll(/href="([^"]+)"/g)].map((x) => x[1]);
  for (const campaign of (await hrefs('/thi-dua')).filter((h) => record('/thi-dua').test(h))) {
    const found = (await hrefs(campaign)).find((h) => record('/thi-dua/dang-ky').test(h));
    if (found) return found;
  }
  throw new Error('no campaign lists a registration');
}

/** The first report in any tab of the reader's queue (an agency's default tab may be empty). */
async function firstQueueReport(page: Page): Promise<string> {
  const hrefs = async (path: string) =>
    [...(await (await page.request.get(path)).text()).matchAll(/href="([^"]+)"/g)].map((x) =>
      x[1].replace(/&amp;/g, '&')
    );
  const tabs = (await hrefs('/queue')).filter((h) => /^\/queue\?tab=/.test(h));
  for (const list of ['/queue', ...tabs]) {
    const found = (await hrefs(list)).find((h) => record('/reports').test(h));
    if (found) return found;
  }
  throw new Error('no queue tab lists a report');
}

/**
 * [login, pages]; a `[list, prefix]` pair is the first record of that list. A page over the
 * budget is left out only until it fits (scripts/bench-pages.ts lists them). A function finds a
 * record that takes more than one list to reach.
 */
type Entry = string | [string, string] | ((page: Page) => Promise<string>);
const PAGES: [string, Entry[]][] = [
  ['hoivien', ['/reports/mine', '/thi-dua', '/notifications', '/account', '/account/password']],
  [
    'canbo.doanket',
    [
      '/queue',
      ['/queue', '/reports'],
      '/people',
      ['/people', '/people'],
      '/people/new',
      '/people/import',
      ['/thi-dua', '/thi-dua']
    ]
  ],
  [
    'canbo.tinh',
    [
      ['/queue', '/reports'],
      '/organisations',
      ['/organisations', '/organisations'],
      '/organisations/new',
      '/units',
      '/thi-dua',
      ['/thi-dua', '/thi-dua'],
      firstRegistration,
      '/thi-dua/moi',
      '/program',
      '/program/dashboard',
      '/program/activities',
      ['/program/activities', '/program/activities'],
      '/program/activities/new',
      '/program/commitments',
      '/program/commitments/new',
      '/program/models',
      ['/program/models', '/program/models'],
      '/program/models/new',
      '/program/models/map',
      '/program/plans',
      '/program/plans/new',
      '/program/indicators',
      '/program/reports',
      '/news',
      '/library',
      '/library/new'
    ]
  ],
  ['baomat', ['/reveal-requests']],
  // The agency officer's report page carries two photo thumbnails: the heaviest report page.
  ['kiemlam', ['/queue', firstQueueReport]],
  [
    'quantri',
    [
      '/admin',
      '/admin/accounts',
      '/admin/accounts/new',
      ['/admin/accounts', '/admin/accounts'],
      '/admin/custodians',
      '/admin/reports/categories',
      '/admin/open311',
      '/admin/audit'
    ]
  ]
];

for (const [login, pages] of PAGES)
  test(`the pages of ${login} load cold within 60 KB and 20 requests`, async ({ page }) => {
    test.setTimeout(180_000);
    await signInAs(page, login);
    const over: string[] = [];
    for (const p of pages) {
      const path =
        typeof p === 'string'
          ? p
          : typeof p === 'function'
            ? await p(page)
            : await firstRecord(page, p[0], record(p[1]));
      const r = await coldLoad(page, path);
      expect(r.status, path).toBe(200);
      if (r.bytes > BUDGET.bytes || r.requests > BUDGET.requests)
        over.push(`${path}: ${(r.bytes / 1024).toFixed(1)} KB, ${r.requests} requests`);
    }
    expect(over).toEqual([]);
  });
