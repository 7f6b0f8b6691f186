/**
 * The database stops in the middle of a stream of report submissions and comes back. The built
 * server runs on a PostgreSQL cluster of this test's own (private-pg.ts; never the shared one),
 * three villagers keep sending reports (the form without JavaScript), and the cluster is
 * crashed (`pg_ctl stop -m immediate`) and restarted under them. Then:
 * - during the outage every answer is a 503 with a Vietnamese page (or JSON), never a 500,
 *   and the process is still alive; /healthz says "unavailable" (503), then "ok" again;
 * - the app recovers by itself, without a restart;
 * - every submission that was acknowledged with a receipt is in the database, once; the ones
 *   refused during the outage, sent again with the same form key, are recorded once too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { expectAccessible } from './support';
import { createCluster, findPgBin, freePort, type Cluster } from './private-pg';

const OUTAGE_TITLE = 'Hệ thống đang tạm gián đoạn';
const found = findPgBin();
let serverLog = '';

interface Sent {
  key: string;
  /** 0: no answer at all (the connection dropped). */
  status: number;
  receipt: string | null;
  /** A 503 carried the Vietnamese outage page. */
  explained: boolean;
}

/** 0 when no answer came. */
const statusOf = async (url: string) => (await fetch(url).catch(() => null))?.status ?? 0;

async function startApp(databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: base,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'error',
      INTAKE_CLIENT_MAX: '5000',
      INTAKE_AREA_MAX: '5000'
    },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  // Kept for the failure message: a crash says why here.
  child.stderr!.on('data', (d: Buffer) => (serverLog = (serverLog + d.toString()).slice(-4000)));
  await expect.poll(() => statusOf(`${base}/healthz`), { timeout: 150_000, intervals: [500] }).toBe(200);
  return { base, child };
}

/** The first category and commune the form offers: any will do. */
async function formChoices(base: string): Promise<{ category: string; commune: string }> {
  const html = await (await fetch(`${base}/report`)).text();
  const category = html.match(/name="category_id" value="([^"]+)"/)![1];
  const commune = html.match(/<option value="([0-9a-f-]{36})">/)![1];
  return { category, commune };
}

function submitter(base: string, choices: { category: string; commune: string }) {
  return async (key: string, text: string): Promise<Sent> => {
    const body = new URLSearchParams({
      category_id: choices.category,
      commune_id: choices.commune,
      channel: 'phan_anh',
      protection: 'anonymous',
      description: text,
      observed_on: '01/12/2026',
      attest: 'on',
      idempotency_key: key
    });
    try {
      const res = await fetch(`${base}/report`, {
        method: 'POST',
        body,
        headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded' }
      });
      const html = await res.text();
      const receipt = html.match(/data-testid="receipt-code">([\d ]+)</)?.[1] ?? null;
      return { key, status: res.status, receipt, explained: res.status === 503 && html.includes(OUTAGE_TITLE) };
    } catch {
      return { key, status: 0, receipt: null, explained: false };
    }
  };
}

test.describe('database restart under load', () => {
  // Its own server and database: one run is enough, whatever the project.
  test.skip(() => test.info().project.name !== 'sqlite-js', 'runs once, on its own private cluster');
  test.skip('missing' in found, `database restart test skipped: ${'missing' in found ? found.missing : ''}`);
  test.setTimeout(300_000);

  let cluster: Cluster | undefined;
  let app: { base: string; child: ChildProcess } | undefined;
  test.afterAll(() => {
    app?.child.kill('SIGTERM');
    cluster?.destroy();
  });

  test('reports keep flowing, the outage is a clear 503 and nothing acknowledged is lost', async ({ page }) => {
    cluster = await createCluster((found as { bin: string }).bin);
    app = await startApp(cluster.url);
    const { base, child } = app;
    const submit = submitter(base, await formChoices(base));
    const run = randomBytes(3).toString('hex');
    const sent: Sent[] = [];
    let flowing = true;
    const villager = async (n: number) => {
      for (let i = 0; flowing; i++) {
        const s = await submit(randomBytes(16).toString('base64url'), `Mất kết nối thử ${run} ${n}-${i}`);
        sent.push(s);
      }
    };
    const acked = () => sent.filter((s) => s.receipt).length;
    const stream = Promise.all([1, 2, 3].map(villager));

    await expect.poll(acked, { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
    cluster.stop('immediate');
    const ackedBefore = acked();

    // The outage: every page, the form and the health check say so; the process stays up.
    const healthz = await fetch(`${base}/healthz`).catch((e) => {
      throw new Error(`no answer from /healthz (${e.cause?.code ?? e}); server log:\n${serverLog}`);
    });
    expect(healthz.status).toBe(503);
    expect(await healthz.json()).toMatchObject({ status: 'unavailable' });
    const response = await page.goto(`${base}/report`);
    expect(response!.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OUTAGE_TITLE);
    await expectAccessible(page);
    await expect.poll(() => sent.filter((s) => s.status === 503).length, { timeout: 30_000 }).toBeGreaterThan(3);
    expect(child.exitCode, `the server exited:\n${serverLog}`).toBeNull();

    cluster.start();
    await expect
      .poll(async () => (child.exitCode === null ? await statusOf(`${base}/healthz`) : -1), {
        timeout: 60_000,
        intervals: [250]
      })
      .toBe(200);
    expect(child.exitCode, `the server exited:\n${serverLog}`).toBeNull();
    await expect.poll(acked, { timeout: 60_000 }).toBeGreaterThanOrEqual(ackedBefore + 10);
    flowing = false;
    await stream;

    // Nothing but receipts and outage pages: no 500, no dropped connection.
    expect(sent.filter((s) => s.status !== 200 && !(s.status === 503 && s.explained))).toEqual([]);
    expect(sent.filter((s) => s.status === 200 && !s.receipt)).toEqual([]);
    // A refused submission sent again with its form key is recorded (or found) now.
    const refused = sent.filter((s) => s.status === 503);
    for (const s of refused) {
      const again = await submit(s.key, `Gửi lại ${run} ${s.key}`);
      expect(again.receipt, `resend of ${s.key}`).not.toBeNull();
    }

    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    try {
      const keys = sent.map((s) => s.key);
      const rows = await db.query<{ key: string; n: number }>(
        'select idempotency_key as key, count(*)::int as n from report where idempotency_key = any($1) group by 1',
        [keys]
      );
      const stored = new Map(rows.rows.map((r) => [r.key, r.n]));
      const lost = sent.filter((s) => s.receipt && stored.get(s.key) !== 1).map((s) => s.key);
      expect(lost, 'acknowledged submissions missing or doubled').toEqual([]);
      expect(refused.filter((s) => stored.get(s.key) !== 1).map((s) => s.key)).toEqual([]);
      console.log(
        `db restart: ${sent.length} submissions, ${acked()} acknowledged, ${refused.length} refused during the outage and resent, all stored once`
      );
    } finally {
      await db.end();
    }
  });
});
