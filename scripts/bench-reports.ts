/**
 * Report intake throughput and the public report page's weight (issue 3 §10), printed only.
 * Starts the built server (`node build`) on a free 127.0.0.1 port with a temporary SQLite
 * DATA_DIR and the demo seed, then:
 *  1. autocannon, 10 s each: GET /healthz (a trivial endpoint of the same server) and
 *     Open311 POST /open311/v2/requests.json (a real report per request, API key created on
 *     the same database before the server starts);
 *  2. the bytes /report transfers on first load without the map: the HTML plus every script
 *     and stylesheet it references, fetched with Accept-Encoding: gzip and counted exactly as
 *     the server sent them (the HTML gzipped by hooks.server.ts, assets precompressed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { openDatabase } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { createKey } from '$lib/server/open311/keys.service';

const DURATION = 10;
const CONNECTIONS = 10;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Raw GET: the body exactly as transferred (still compressed), with status and headers. */
function rawGet(url: string): Promise<{ status: number; bytes: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes: Buffer.concat(chunks),
            encoding: String(res.headers['content-encoding'] ?? '')
          })
        );
      })
      .on('error', reject);
  });
}

async function waitUp(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await rawGet(`${base}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

/** The part of autocannon's result printed here (the package ships no types). */
interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
}
const runCannon = autocannon as unknown as (opts: Record<string, unknown>) => Promise<CannonResult>;

async function cannon(title: string, opts: Record<string, unknown>) {
  const r = await runCannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const ok = r['2xx'];
  console.log(
    `  ${title.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  (${ok} ok, ${r.non2xx} non-2xx, ${r.errors} errors)`
  );
  return r;
}

/** The stylesheets and entry modules the HTML references, and the route's node ids. */
function entriesOf(html: string, base: string): { urls: string[]; nodeIds: number[] } {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const href = m[0].match(/href="([^"]+)"/)?.[1];
    if (href && /rel="(stylesheet|modulepreload)"/.test(m[0])) urls.add(new URL(href, base).href);
  }
  for (const m of html.matchAll(/<script\b[^>]*src="([^"]+)"/g)) urls.add(new URL(m[1], base).href);
  for (const m of html.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) urls.add(new URL(m[1], base).href);
  const nodeIds = (html.match(/node_ids:\s*\[([\d,\s]+)\]/)?.[1] ?? '')
    .split(',')
    .map(Number)
    .filter((n) => !Number.isNaN(n));
  return { urls: [...urls], nodeIds };
}

/**
 * Fetches the entries and, recursively, every module they import statically, plus the route's
 * own nodes (which the app imports at hydration). Dynamic imports (Leaflet) are not followed.
 */
async function transfer(
  entries: string[],
  nodeIds: number[]
): Promise<{ count: number; bytes: number; identity: string[] }> {
  const seen = new Set<string>();
  const queue = [...entries];
  const identity: string[] = [];
  let bytes = 0;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await rawGet(url);
    bytes += res.bytes.length;
    if (res.encoding !== 'gzip') identity.push(new URL(url).pathname);
    if (!url.endsWith('.js')) continue;
    const code = res.status === 200 ? await plain(url) : '';
    for (const m of code.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) queue.push(new URL(m[1], url).href);
    for (const m of code.matchAll(/import\(\s*["']([^"']*nodes\/(\d+)\.[^"']+\.js)["']\s*\)/g)) {
      if (nodeIds.includes(Number(m[2]))) queue.push(new URL(m[1], url).href);
    }
  }
  return { count: seen.size, bytes, identity };
}

/** A module's source text (fetched uncompressed, for reading its imports). */
async function plain(url: string): Promise<string> {
  const res = await fetch(url);
  return res.text();
}

async function pageWeight(base: string): Promise<void> {
  const page = await rawGet(`${base}/report`);
  if (page.status !== 200)
    return console.log(`  skipped: /report answered ${page.status} (the intake page is not built yet)`);
  const html = await plain(`${base}/report`);
  const { urls, nodeIds } = entriesOf(html, `${base}/report`);
  const assets = await transfer(urls, nodeIds);
  const raw = page.encoding === 'gzip' ? gunzipSync(page.bytes).length : page.bytes.length;
  const total = page.bytes.length + assets.bytes;
  console.log(
    `  /report HTML: ${page.bytes.length} B transferred (${page.encoding || 'identity'}; ${raw} B uncompressed); ${assets.count} scripts/styles: ${assets.bytes} B transferred`
  );
  console.log(
    `  first load without the map: ${total} B (${(total / 1024).toFixed(1)} KiB) actually transferred with Accept-Encoding: gzip`
  );
  if (page.encoding !== 'gzip' || assets.identity.length)
    console.log(
      `  warning: sent uncompressed: ${[...(page.encoding !== 'gzip' ? ['/report'] : []), ...assets.identity].join(', ')}`
    );
}

async function main(): Promise<void> {
  console.log('\n# Reports: submissions per second and public page weight (SQLite, built server)');
  if (!fs.existsSync('build/index.js')) return console.log('  skipped: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-reports-'));
  const db = await openDatabase('sqlite', path.join(dir, 'chung-suc.sqlite'));
  const { key } = await createKey(db, { ...SYSTEM, name: 'bench' }, 'bench');
  await db.destroy();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['build'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: base,
      DATA_DIR: dir,
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn'
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  try {
    await waitUp(base);
    await cannon('GET /healthz (trivial endpoint)', { url: `${base}/healthz` });
    const body = new URLSearchParams({
      api_key: key,
      service_code: 'do_rac',
      lat: '22.4331',
      long: '103.4012',
      description: 'Đổ rác bừa bãi cạnh suối (bench)'
    }).toString();
    const r = await cannon('POST /open311/v2/requests.json (new report)', {
      url: `${base}/open311/v2/requests.json`,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }
    });
    if (r.non2xx > 0)
      console.log('  warning: some submissions failed; the figure above counts only what the server answered');
    await pageWeight(base);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
