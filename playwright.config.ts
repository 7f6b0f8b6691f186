import { defineConfig } from '@playwright/test';

/**
 * The browser suite runs every spec against two servers — embedded SQLite and PostgreSQL
 * (when TEST_DATABASE_URL is set) — each with JavaScript on and off.
 */
const pgUrl = process.env.E2E_DATABASE_URL;
// E2E_PORT lets several checkouts run their suites side by side (SQLite on it, PostgreSQL on +1).
const port = Number(process.env.E2E_PORT ?? 4173);
const common = {
  BETTER_AUTH_SECRET: 'unused',
  APP_SECRET: 'e2e-secret-0123456789abcdef',
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
  SIGNIN_MAX_ATTEMPTS: '5'
};
const servers = [
  { name: 'sqlite', port, env: { DATABASE_URL: `file:${process.env.E2E_SQLITE_PATH ?? 'test-results/e2e.sqlite'}` } }
];
if (pgUrl) servers.push({ name: 'pg', port: port + 1, env: { DATABASE_URL: pgUrl } });

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

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000, // long no-JS walk-throughs with an axe scan per step on 2 shared cores
  reporter: [['list']],
  use: { launchOptions: chromium, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' },
  projects: servers.flatMap((s) =>
    [true, false].map((js) => ({
      name: `${s.name}-${js ? 'js' : 'nojs'}`,
      use: { baseURL: `http://localhost:${s.port}`, javaScriptEnabled: js }
    }))
  ),
  webServer: servers.map((s) => ({
    command: 'node build',
    port: s.port,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...common, ...s.env, PORT: String(s.port), ORIGIN: `http://localhost:${s.port}` }
  }))
});
