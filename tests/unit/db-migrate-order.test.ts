import { afterAll, describe, expect, it } from 'vitest';
import { Migrator, type Migration } from 'kysely';
import { createDb, type Db } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { migrations } from '../../src/lib/server/db/migrations';
import { dialects, PG_URL } from '../support/db';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

/**
 * A database that already ran a later block of migrations (say 060) before an earlier-numbered
 * block (040) landed must still upgrade: features land by number ranges, not in number order.
 */
async function open(kind: (typeof dialects)[number]): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const db = await createDb('sqlite', ':memory:');
    return { db, drop: () => db.destroy() };
  }
  const name = `cs_order_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  const db = await createDb('postgresql', url.toString());
  return {
    db,
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
    }
  };
}

const late = '040_report_public_text';

for (const kind of dialects) {
  describe(`migration order [${kind}]`, () => {
    let opened: Awaited<ReturnType<typeof open>>;
    afterAll(() => opened?.drop());

    it('applies a lower-numbered migration that landed after higher ones had run', async () => {
      opened = await open(kind);
      const without: Record<string, Migration> = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name !== late)
      );
      const old = new Migrator({ db: opened.db, provider: { getMigrations: async () => without } });
      const first = await old.migrateToLatest();
      expect(first.error).toBeUndefined();

      await migrateToLatest(opened.db);
      const ran = await new Migrator({
        db: opened.db,
        provider: { getMigrations: async () => migrations },
        allowUnorderedMigrations: true
      }).getMigrations();
      expect(ran.filter((m) => !m.executedAt).map((m) => m.name)).toEqual([]);
      const cols = await opened.db.introspection.getTables();
      const report = cols.find((t) => t.name === 'report');
      expect(report?.columns.map((c) => c.name)).toContain('public_description');
    });
  });
}
