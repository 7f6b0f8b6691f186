/** Telling a database that cannot be reached from a faulty query, and the 503 it is answered with. */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { createDb } from '../../src/lib/server/db';
import { PG_URL } from '../support/db';
import { isDatabaseUnavailable } from '../../src/lib/server/db/dialect';
import { outageResponse, RETRY_AFTER_SECONDS } from '../../src/lib/server/http/db-outage';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('a database that cannot be reached', () => {
  it.each([
    ['refused', coded('ECONNREFUSED')],
    ['reset', coded('ECONNRESET')],
    ['admin shutdown (pg_ctl stop)', coded('57P01', 'terminating connection due to administrator command')],
    ['starting up', coded('57P03', 'the database system is starting up')],
    ['connection exception class', coded('08006')],
    ['cut under a query', new Error('Connection terminated unexpectedly')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
    ['both addresses refused', Object.assign(new AggregateError([coded('ECONNREFUSED')]), {})]
  ])('%s: unavailable', (_, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ['unique violation', coded('23505')],
    ['syntax error', coded('42601')],
    ['SQLite busy', coded('SQLITE_BUSY')],
    ['a plain error', new Error('boom')],
    ['nothing', null],
    ['a string', 'Connection terminated']
  ])('%s: a fault, not an outage', (_, e) => expect(isDatabaseUnavailable(e)).toBe(false));
});

describe('the outage answer', () => {
  const ask = (path: string, headers: Record<string, string> = {}) =>
    outageResponse({
      request: new Request(`http://app.test${path}`, { headers }),
      url: new URL(`http://app.test${path}`)
    });

  it('is a Vietnamese page for a browser, with a way to try again', async () => {
    const r = ask('/report?x=1', { accept: 'text/html,*/*' });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    const html = await r.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Hệ thống đang tạm gián đoạn</h1>');
    expect(html).toContain('href="/report?x=1"');
    expect(html).not.toContain('<script');
  });

  it('is English under /en', async () => {
    expect(await ask('/en/report', { accept: 'text/html' }).text()).toContain('<html lang="en">');
  });

  it('is JSON for API clients and the app’s own navigation, an action result for an enhanced form', async () => {
    expect(await ask('/api/v1/units').json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    expect(await ask('/report/__data.json', { accept: 'text/html' }).json()).toMatchObject({ code: 'UNAVAILABLE' });
    const action = ask('/report', { accept: 'application/json', 'x-sveltekit-action': 'true' });
    expect(action.status).toBe(503);
    expect(await action.json()).toMatchObject({ type: 'error', status: 503, error: { code: 'UNAVAILABLE' } });
  });
});

describe.skipIf(!PG_URL)('a PostgreSQL connection cut while checked out', () => {
  // Terminates only this test's own session on the shared server.
  it('fails its transaction as unavailable, leaves the process up, and the pool reconnects', async () => {
    const db = await createDb('postgresql', PG_URL!);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      const outcome = await db
        .transaction()
        .execute(async (tx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
          await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
          // The cut arrives between two queries: pg's 'error' event, with no query to fail.
          await new Promise((r) => setTimeout(r, 300));
          await sql`select 1`.execute(tx);
        })
        .then(
          () => null,
          (e: unknown) => e
        );
      expect(isDatabaseUnavailable(outcome), String(outcome)).toBe(true);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await db.destroy();
    }
  });
});
