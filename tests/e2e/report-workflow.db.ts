/**
 * Inserts a report straight into the database the test server uses (the project name says
 * which one), as intake would, so the workflow spec does not depend on the intake pages.
 */
import { test } from '@playwright/test';
import { createHmac, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { today } from './support';

const APP_SECRET = process.env.APP_SECRET!; // generated per run in playwright.config.ts

type Exec = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The SQLite file of the running project's server (each SQLite project has its own). */
export function sqlitePath(): string {
  return String(test.info().project.metadata.sqlitePath ?? 'test-results/e2e.sqlite');
}

export async function withDb<T>(fn: (exec: Exec) => Promise<T>): Promise<T> {
  if (test.info().project.name.startsWith('pg')) {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      return await fn(async (text, params) => {
        let i = 0;
        return (
          await client.query(
            text.replace(/\?/g, () => `$${++i}`),
            params
          )
        ).rows;
      });
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqlitePath());
  try {
    return await fn(
      async (text, params) =>
        (/^\s*select/i.test(text) ? db.prepare(text).all(...params) : (db.prepare(text).run(...params), [])) as Record<
          string,
          unknown
        >[]
    );
  } finally {
    db.close();
  }
}

/** A confidential phản ánh of illegal logging in phường Đoàn Kết; returns its id and receipt. */
export async function insertReport(description: string): Promise<{ id: string; receipt: string }> {
  return withDb(async (exec) => {
    const [cat] = await exec(`select id from category where code = ?`, ['khai_thac_go']);
    const [unit] = await exec(`select id from admin_unit where code = ?`, ['03388']);
    const [org] = await exec(`select id from organisation where kind = 'association' and admin_unit_id = ?`, [unit.id]);
    const id = randomUUID();
    const receipt = String(Math.floor(Math.random() * 1e16)).padStart(16, '0');
    const hash = createHmac('sha256', APP_SECRET).update(`receipt:${receipt}`).digest('hex');
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    await exec(
      `insert into report (id, receipt_hash, channel, category_id, description, description_search, observed_on, lat, lon, location_precision,
        commune_unit_id, commune_org_id, status, urgent, protection, deadline_kind, deadline_on, created_at, updated_at)
       values (?, ?, 'phan_anh', ?, ?, ?, ?, 22.39, 103.46, 'gps', ?, ?, 'new', 1, 'confidential', 'verify', ?, ?, ?)`,
      [id, hash, cat.id, description, description.toLowerCase(), today, unit.id, org.id, today, now, now]
    );
    await exec(
      `insert into report_event (id, report_id, kind, to_status, visible_to_reporter, created_at) values (?, ?, 'status', 'new', 1, ?)`,
      [randomUUID(), id, now]
    );
    return { id, receipt };
  });
}

/** The ids a filed report needs: a category by code, a commune in force by its code (Phường Đoàn Kết). */
export const reportTargets = (category = 'do_rac', commune = '03388') =>
  withDb(async (exec) => ({
    cat: (await exec(`select id from category where code = ?`, [category]))[0].id as string,
    commune: (await exec(`select id from admin_unit where code = ? and valid_to is null`, [commune]))[0].id as string
  }));

type Multipart = Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;

/**
 * Files a report through the public form as a browser would post it (anonymous, seen by the
 * reporter, in Phường Đoàn Kết, unless `fields` says otherwise). Answers the new report's id and
 * the page the form answered with.
 */
export async function fileThroughForm(
  page: import('@playwright/test').Page,
  description: string,
  fields: Multipart = {}
): Promise<{ id: string; html: string }> {
  const ids = await reportTargets();
  const base = page.url().startsWith('http') ? page.url() : test.info().project.use.baseURL!;
  const res = await page.request.post('/report', {
    headers: { origin: new URL(base).origin },
    multipart: {
      category_id: ids.cat,
      channel: 'phan_anh',
      description,
      observed_on: today(),
      commune_id: ids.commune,
      protection: 'anonymous',
      observer_kind: 'self',
      ...fields
    }
  });
  const html = await res.text();
  if (res.status() >= 400) throw new Error(`the report form answered ${res.status()}`);
  const [row] = await withDb((exec) => exec(`select id from report where description = ?`, [description]));
  return { id: row.id as string, html };
}
