/**
 * Cold-load weight of public and signed-in pages, printed (the goal: ≤ 60 KB and ≤ 20 requests
 * per page, no map tiles). Drives /usr/bin/chromium (playwright-core) at 360 × 740 against the
 * built server with the demo seed; each page in a fresh context with the cache disabled, waits
 * for the network to go idle, and counts every request and the bytes the browser received
 * (headers and bodies as transferred, i.e. compressed). Requests to other hosts (map tiles)
 * are refused and reported.
 * Run alone: node --import tsx scripts/bench-pages.ts [--check]   (after `npm run build`; `--check`
 * exits non-zero when a page is over the budget)
 * BENCH_ONLY=/map,/report limits the run to those paths; BENCH_DETAIL=1 lists every request.
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startServer } from './bench-server';

const BUDGET = { bytes: 60 * 1024, requests: 20 };
const DEMO_PASSWORD = 'ChungSuc@2026';

/**
 * [path, login (or null for anonymous), JavaScript on] — a `{name}` is the first record of that
 * kind the login can open (see RECORDS): one page of every kind the product has, public and signed in.
 */
const PAGES: [string, string | null, boolean][] = [
  ['/', null, true],
  ['/report', null, true],
  ['/report', null, false],
  // An English page, to see what its text costs beside the Vietnamese one.
  ['/en/report', null, true],
  ['/r', null, true],
  ['/map', null, true],
  ['/map/view', null, true],
  ['/reports-public', null, true],
  ['/login', null, true],
  ['/tin', null, true],
  ['/tin/{news}', null, true],
  ['/tai-lieu', null, true],
  ['/tai-lieu/{material}', null, true],
  ['/tai-lieu/{material}', null, false],
  ['/xa/doan-ket-03388', null, true],
  ['/du-lieu-mo', null, true],
  ['/bang-vang', null, true],
  ['/', 'chihoi.truong', true],
  ['/reports/mine', 'hoivien', true],
  ['/thi-dua', 'hoivien', true],
  ['/notifications', 'hoivien', true],
  ['/account', 'hoivien', true],
  ['/en/account', 'hoivien', true],
  ['/account/password', 'hoivien', true],
  ['/queue', 'canbo.doanket', true],
  ['/reports/{report}', 'canbo.doanket', true],
  ['/reports/{report}', 'canbo.tinh', true],
  ['/reports/{report}', 'kiemlam', true],
  ['/people', 'canbo.doanket', true],
  ['/people/{person}', 'canbo.doanket', true],
  ['/people/new', 'canbo.doanket', true],
  ['/people/import', 'canbo.doanket', true],
  ['/organisations', 'canbo.tinh', true],
  ['/organisations/{organisation}', 'canbo.tinh', true],
  ['/organisations/new', 'canbo.tinh', true],
  ['/units', 'canbo.tinh', true],
  ['/thi-dua', 'canbo.tinh', true],
  ['/thi-dua/{campaign}', 'canbo.tinh', true],
  ['/thi-dua/{campaign}', 'canbo.doanket', true],
  ['/thi-dua/dang-ky/{registration}', 'canbo.tinh', true],
  ['/thi-dua/moi', 'canbo.tinh', true],
  ['/program', 'canbo.tinh', true],
  ['/program/dashboard', 'canbo.tinh', true],
  ['/program/dashboard/map', 'canbo.tinh', true],
  ['/program/activities', 'canbo.tinh', true],
  ['/program/activities/{activity}', 'canbo.tinh', true],
  ['/program/activities/new', 'canbo.tinh', true],
  ['/program/commitments', 'canbo.tinh', true],
  ['/program/commitments/new', 'canbo.tinh', true],
  ['/program/models', 'canbo.tinh', true],
  ['/program/models/{model}', 'canbo.tinh', true],
  ['/program/models/new', 'canbo.tinh', true],
  ['/program/models/map', 'canbo.tinh', true],
  ['/program/plans', 'canbo.tinh', true],
  ['/program/plans/new', 'canbo.tinh', true],
  ['/program/indicators', 'canbo.tinh', true],
  ['/program/reports', 'canbo.tinh', true],
  ['/program/reports/{programReport}', 'canbo.tinh', true],
  ['/news', 'canbo.tinh', true],
  ['/news/new?source=activity&id={activity}', 'canbo.tinh', true],
  ['/library', 'canbo.tinh', true],
  ['/library/new', 'canbo.tinh', true],
  ['/reveal-requests', 'baomat', true],
  ['/admin', 'quantri', true],
  ['/admin/accounts', 'quantri', true],
  ['/admin/accounts/new', 'quantri', true],
  ['/admin/accounts/{account}', 'quantri', true],
  ['/admin/custodians', 'quantri', true],
  ['/admin/reports/categories', 'quantri', true],
  ['/admin/open311', 'quantri', true],
  ['/admin/audit', 'quantri', true]
];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Where the first record of each kind is found: the list pages to look on, and the link to take. */
const RECORDS: Record<string, { lists: string[]; link: string; more?: string }> = {
  report: { lists: ['/queue'], link: `/reports/${UUID}`, more: '/queue\\?tab=[^"]+' },
  person: { lists: ['/people'], link: `/people/${UUID}` },
  organisation: { lists: ['/organisations'], link: `/organisations/${UUID}` },
  campaign: { lists: ['/thi-dua'], link: `/thi-dua/${UUID}` },
  registration: { lists: ['/thi-dua/{campaign}'], link: `/thi-dua/dang-ky/${UUID}` },
  activity: { lists: ['/program/activities'], link: `/program/activities/${UUID}` },
  model: { lists: ['/program/models'], link: `/program/models/${UUID}` },
  programReport: { lists: ['/program/reports'], link: `/program/reports/${UUID}` },
  account: { lists: ['/admin/accounts'], link: `/admin/accounts/${UUID}` },
  news: { lists: ['/tin'], link: '/tin/[a-z0-9-]+' },
  material: { lists: ['/tai-lieu?kind=loudspeaker_script'], link: '/tai-lieu/[a-z0-9-]+' }
};

export interface PageWeight {
  path: string;
  login: string | null;
  js: boolean;
  status: number;
  requests: number;
  bytes: number;
  foreign: number;
}

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

async function signedInState(browser: Browser, base: string, login: string) {
  const ctx = await browser.newContext({ ...phone, baseURL: base, javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.endsWith('/login')),
    page.locator('form button[type="submit"]').first().click()
  ]);
  const state = await ctx.storageState();
  await ctx.close();
  return state;
}

/** Every record of kind `name` the context's login finds on the kind's list pages, in page order. */
async function records(ctx: BrowserContext, base: string, name: string): Promise<string[]> {
  const { lists, link, more } = RECORDS[name];
  const found: string[] = [];
  for (const list of lists) {
    // A list page that is itself a record (each campaign's page lists its registrations) is
    // tried for every such record, since the first campaign may have none.
    const inner = list.match(/\{(\w+)\}/);
    const pages = inner ? (await records(ctx, base, inner[1])).map((id) => list.replace(inner[0], id)) : [list];
    for (const page of pages) {
      const html = await (await ctx.request.get(`${base}${page}`)).text();
      for (const [, href] of html.matchAll(new RegExp(`href="(${link})"`, 'g')))
        if (href !== '/tin/feed' && !found.includes(href)) found.push(href.slice(href.lastIndexOf('/') + 1));
      if (found.length) return found;
      // More list pages the first one links to (an agency officer's cases are under a queue tab).
      if (more)
        for (const [, href] of html.matchAll(new RegExp(`href="(${more})"`, 'g')))
          if (!pages.includes(href.replace(/&amp;/g, '&'))) pages.push(href.replace(/&amp;/g, '&'));
    }
  }
  return found;
}

/** `path` with each `{name}` replaced by the first such record the context's login can open. */
async function resolve(ctx: BrowserContext, base: string, path: string): Promise<string | null> {
  for (const [hole, name] of path.matchAll(/\{(\w+)\}/g)) {
    const [first] = await records(ctx, base, name);
    if (!first) return null;
    path = path.replace(hole, first);
  }
  return path;
}

async function weigh(
  browser: Browser,
  base: string,
  path: string,
  js: boolean,
  state: Awaited<ReturnType<typeof signedInState>> | undefined
): Promise<Omit<PageWeight, 'path' | 'login' | 'js'>> {
  const ctx = await browser.newContext({ ...phone, baseURL: base, javaScriptEnabled: js, storageState: state });
  const page = await ctx.newPage();
  let foreign = 0;
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === base) return route.continue();
    foreign++;
    return route.abort();
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let requests = 0;
  let bytes = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
    requests++;
    urls.set(e.requestId, e.request.url);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    // BENCH_DETAIL=1 lists every request of every page (what to cut next).
    if (process.env.BENCH_DETAIL)
      console.log(`      ${String(e.encodedDataLength).padStart(7)} B  ${urls.get(e.requestId)}`);
  });
  const res = await page.goto(path, { waitUntil: 'networkidle' });
  await ctx.close();
  return { status: res?.status() ?? 0, requests, bytes, foreign };
}

export async function benchPages(base: string): Promise<PageWeight[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage']
  });
  const out: PageWeight[] = [];
  try {
    const states = new Map<string, Awaited<ReturnType<typeof signedInState>>>();
    // BENCH_ONLY=/map,/report weighs just those paths (a few pages, not all).
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    for (const [p, login, js] of PAGES) {
      if (only && !only.includes(p)) continue;
      if (login && !states.has(login)) states.set(login, await signedInState(browser, base, login));
      const state = login ? states.get(login) : undefined;
      const ctx = await browser.newContext({ storageState: state });
      const path = await resolve(ctx, base, p);
      await ctx.close();
      // The demo may hold no such record for this login (no periodic report made yet): said, not weighed.
      if (!path) {
        console.log(`  ${p.padEnd(34)} ${login ?? 'anonymous'}: no such record in the demo, not weighed`);
        continue;
      }
      out.push({ path: p, login, js, ...(await weigh(browser, base, path, js, state)) });
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Pages over the budget (`--check` makes the bench exit non-zero when there are any). */
export const overBudget = (rows: PageWeight[]) =>
  rows.filter((r) => r.bytes > BUDGET.bytes || r.requests > BUDGET.requests);

export function printPages(rows: PageWeight[]): void {
  for (const r of rows) {
    const over = r.bytes > BUDGET.bytes || r.requests > BUDGET.requests ? '  OVER BUDGET' : '';
    const who = `${r.login ?? 'anonymous'}${r.js ? '' : ', JS off'}`;
    console.log(
      `  ${r.path.padEnd(34)} ${who.padEnd(24)} ${String(r.status).padStart(3)}  ${(r.bytes / 1024).toFixed(1).padStart(6)} KB  ${String(r.requests).padStart(3)} requests${r.foreign ? `  (${r.foreign} to other hosts refused)` : ''}${over}`
    );
  }
  const heaviest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const most = rows.reduce((a, b) => (b.requests > a.requests ? b : a));
  console.log(
    `  heaviest: ${heaviest.path} ${(heaviest.bytes / 1024).toFixed(1)} KB; most requests: ${most.path} ${most.requests} (budget ${BUDGET.bytes / 1024} KB, ${BUDGET.requests} requests)`
  );
  const over = overBudget(rows).length;
  console.log(
    `  budget verdict: ${over ? `${over} of ${rows.length} pages OVER BUDGET` : `all ${rows.length} pages within budget`}`
  );
  if (over && process.argv.includes('--check')) process.exitCode = 1;
}

async function main() {
  console.log('\n# Pages: cold load at 360 × 740, cache disabled, map tiles refused (SQLite, built server)');
  if (!fs.existsSync('build/index.js')) return console.log('  skipped: run `npm run build` first');
  // BENCH_BASE=http://127.0.0.1:PORT weighs a server already running with the demo seed.
  if (process.env.BENCH_BASE) return printPages(await benchPages(process.env.BENCH_BASE));
  const server = await startServer();
  try {
    printPages(await benchPages(server.base));
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
