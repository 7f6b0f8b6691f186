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

/** [path, login (or null for anonymous), JavaScript on] — `{report}` is a report the login can read. */
const PAGES: [string, string | null, boolean][] = [
  ['/', null, true],
  ['/report', null, true],
  ['/report', null, false],
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
  ['/thi-dua', null, true],
  ['/bang-vang', null, true],
  ['/', 'chihoi.truong', true],
  ['/queue', 'canbo.doanket', true],
  ['/reports/{report}', 'canbo.doanket', true],
  ['/people', 'canbo.doanket', true],
  ['/organisations', 'canbo.tinh', true],
  ['/thi-dua', 'canbo.tinh', true],
  ['/program/dashboard', 'canbo.tinh', true],
  ['/program/dashboard/map', 'canbo.tinh', true],
  ['/program/activities', 'canbo.tinh', true],
  ['/program/models/map', 'canbo.tinh', true],
  ['/admin/audit', 'quantri', true]
];

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

async function firstReport(ctx: BrowserContext, base: string): Promise<string> {
  const first = await (await ctx.request.get(`${base}/queue`)).text();
  const tabs = ['', ...[...first.matchAll(/href="(\/queue\?tab=[^"]+)"/g)].map((t) => t[1].replace(/&amp;/g, '&'))];
  for (const tab of tabs) {
    const html = tab ? await (await ctx.request.get(`${base}${tab}`)).text() : first;
    const id = html.match(/href="\/reports\/([^"/?#]+)"/)?.[1];
    if (id) return id;
  }
  throw new Error('no report in any queue tab');
}

/** The first public link under `list` matching `prefix` (a news item, a library material). */
async function firstPublic(ctx: BrowserContext, base: string, list: string, prefix: string): Promise<string> {
  const html = await (await ctx.request.get(`${base}${list}`)).text();
  const re = new RegExp(`href="(${prefix}[a-z0-9-]+)"`);
  const hit = html.match(re)?.[1];
  if (!hit) throw new Error(`no link to ${prefix} on ${list}`);
  return hit;
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
    // BENCH_ONLY=/map,/report weighs just those paths (one lane's pages, not all 27).
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    for (const [p, login, js] of PAGES) {
      if (only && !only.includes(p)) continue;
      if (login && !states.has(login)) states.set(login, await signedInState(browser, base, login));
      const state = login ? states.get(login) : undefined;
      let path = p;
      if (path.includes('{report}')) {
        const ctx = await browser.newContext({ storageState: state });
        path = path.replace('{report}', await firstReport(ctx, base));
        await ctx.close();
      }
      if (path.includes('{news}') || path.includes('{material}')) {
        const ctx = await browser.newContext();
        path = path.includes('{news}')
          ? await firstPublic(ctx, base, '/tin', '/tin/')
          : await firstPublic(ctx, base, '/tai-lieu?kind=loudspeaker_script', '/tai-lieu/');
        await ctx.close();
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
      `  ${r.path.padEnd(22)} ${who.padEnd(24)} ${String(r.status).padStart(3)}  ${(r.bytes / 1024).toFixed(1).padStart(6)} KB  ${String(r.requests).padStart(3)} requests${r.foreign ? `  (${r.foreign} to other hosts refused)` : ''}${over}`
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
  const server = await startServer();
  try {
    printPages(await benchPages(server.base));
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
