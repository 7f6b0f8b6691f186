import { randomBytes } from 'node:crypto';
import { defineConfig, type Project } from '@playwright/test';

/**
 * The browser suite, phone first (360 × 740):
 * - `sqlite-js` and `sqlite-nojs`: every spec, with JavaScript on and off, on embedded SQLite;
 * - `pg-js` (when TEST_DATABASE_URL is set): only tests tagged `@pg` — those that exercise
 *   database behaviour — with JavaScript on, on PostgreSQL. The database layer itself runs on
 *   both databases in vitest.
 * Each project has its own server and its own fresh demo database, so the three run side by side
 * (one worker each: inside a project, specs still run one after another on one database).
 */
const pgUrl = process.env.E2E_DATABASE_URL;
// E2E_PORT lets several checkouts run their suites side by side (SQLite with JS on it,
// PostgreSQL on +1, SQLite without JS on +2).
const port = Number(process.env.E2E_PORT ?? 4173);
/** The stand-in SMS relay (tests/support/fake-sms-gateway.mjs); specs read it at SMS_SENT_URL. */
const smsPort = port + 7;
process.env.SMS_SENT_URL = `http://127.0.0.1:${smsPort}/sent`;
// The same secret in the test runner, so tests/e2e/data.ts computes what the server would.
// Generated per run (workers inherit the runner's environment): a secret written in the
// repository would be a published one, which the server refuses.
process.env.APP_SECRET ??= randomBytes(36).toString('base64url');
const common = {
  APP_SECRET: process.env.APP_SECRET,
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
  SIGNIN_MAX_ATTEMPTS: '5',
  // Every spec signs in and reports from 127.0.0.1: per-client limits high enough not to throttle the suite.
  SIGNIN_CLIENT_MAX_ATTEMPTS: '1000',
  INTAKE_CLIENT_MAX: '5000',
  INTAKE_AREA_MAX: '5000',
  // The same request-body cap `npm start` sets (adapter-node's default 512 KB refuses a phone photo).
  BODY_SIZE_LIMIT: '60M',
  // Texts (the receipt SMS) go to a local stand-in relay that specs can read back.
  SMS_GATEWAY: `http://127.0.0.1:${smsPort}/sms`
};
/** The SQLite file of a project's server (tests/e2e/report-workflow.db.ts opens it too). */
const sqlitePath = (suffix: string) =>
  (process.env.E2E_SQLITE_PATH ?? 'test-results/e2e.sqlite').replace(/\.sqlite$/, `${suffix}.sqlite`);
const servers = [
  { port, env: { DATABASE_URL: `file:${sqlitePath('')}` } },
  { port: port + 2, env: { DATABASE_URL: `file:${sqlitePath('-nojs')}` } },
  ...(pgUrl ? [{ port: port + 1, env: { DATABASE_URL: pgUrl } }] : [])
];

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage'
  ]
};

/** A small phone; device pixel ratio 1 keeps screenshots cheap. */
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

const url = (p: number) => `http://localhost:${p}`;
const projects: Project[] = [
  {
    name: 'sqlite-js',
    workers: 1,
    metadata: { sqlitePath: sqlitePath('') },
    use: { baseURL: url(port), javaScriptEnabled: true }
  },
  {
    name: 'sqlite-nojs',
    workers: 1,
    metadata: { sqlitePath: sqlitePath('-nojs') },
    use: { baseURL: url(port + 2), javaScriptEnabled: false }
  }
];
if (pgUrl)
  projects.push({ name: 'pg-js', workers: 1, grep: /@pg/, use: { baseURL: url(port + 1), javaScriptEnabled: true } });

export default defineConfig({
  testDir: 'tests/e2e',
  workers: Number(process.env.E2E_WORKERS ?? projects.length),
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  // Three projects share two cores: a page answering a post can take longer than the 5 s default.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { launchOptions: chromium, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...phone },
  projects,
  webServer: [
    {
      command: 'node tests/support/fake-sms-gateway.mjs',
      url: `http://127.0.0.1:${smsPort}/`,
      reuseExistingServer: false,
      env: { PORT: String(smsPort) }
    },
    ...servers.map((s) => ({
      command: 'node scripts/server.mjs',
      port: s.port,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...common, ...s.env, PORT: String(s.port), ORIGIN: url(s.port) }
    }))
  ]
});
