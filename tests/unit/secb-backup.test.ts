import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PG_URL, dialects } from '../support/db';
import { createDb, openDatabase, type Db } from '../../src/lib/server/db';
import { digestDatabase } from '../../src/lib/server/db/backup';
import { walkFiles } from '../../src/lib/server/backup/files';
import { backup, BackupError, restore, type Site } from '../../src/lib/server/backup/backup.service';
import { seedDemo } from '../../src/lib/server/seed/demo';
import type { DbKind } from '../../src/lib/server/db/dialect';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(d, { recursive: true, force: true }));
  return d;
}

async function pgDatabase(): Promise<string> {
  const name = `cs_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${name}`);
    await c.end();
  });
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function emptySite(kind: DbKind): Promise<Site> {
  const dataDir = tempDir('cs-site-');
  return { kind, dataDir, target: kind === 'sqlite' ? path.join(dataDir, 'chung-suc.sqlite') : await pgDatabase() };
}

/** What a running install has in DATA_DIR besides the database. */
function populateFiles(dataDir: string): void {
  mkdirSync(path.join(dataDir, 'attachments', 'ab'), { recursive: true });
  writeFileSync(path.join(dataDir, 'attachments', 'ab', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3, 0]));
  mkdirSync(path.join(dataDir, 'private', 'reports', '7'), { recursive: true });
  writeFileSync(path.join(dataDir, 'private', 'reports', '7', 'bien-ban.pdf'), '%PDF-1.7 ' + 'x'.repeat(70_000));
  writeFileSync(path.join(dataDir, 'app-secret'), randomUUID() + randomUUID(), { mode: 0o600 });
  chmodSync(path.join(dataDir, 'app-secret'), 0o600);
}

async function digestAt(site: Site): Promise<ReturnType<typeof digestDatabase>> {
  const db = await createDb(site.kind, site.target);
  try {
    return await digestDatabase(db);
  } finally {
    await db.destroy();
  }
}

for (const kind of dialects) {
  describe(`backup and restore [${kind}]`, () => {
    let source: Site;
    let live: Db;
    let out: string;

    it('backs up a populated install while it is open and restores it identically into an empty one', async () => {
      source = await emptySite(kind);
      live = await openDatabase(kind, source.target);
      cleanups.push(() => live.destroy());
      await seedDemo(live);
      populateFiles(source.dataDir);
      out = path.join(tempDir('cs-backup-'), 'nightly');

      const manifest = await backup(source, out, 'test');
      expect(statSync(out).mode & 0o777).toBe(0o700);
      expect(manifest.files.map((f) => f.path)).toEqual([
        'app-secret',
        'attachments/ab/photo.jpg',
        'private/reports/7/bien-ban.pdf'
      ]);

      const target = await emptySite(kind);
      const result = await restore(target, out);
      expect(result.files).toBe(3);

      // Checked here independently of the restore's own proof: every table, every file.
      const before = await digestDatabase(live);
      const after = await digestAt(target);
      expect(Object.keys(before).length).toBeGreaterThan(30);
      expect(Object.values(before).reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(500);
      expect(after).toEqual(before);
      expect(walkFiles(target.dataDir).filter((f) => !f.startsWith('chung-suc.sqlite'))).toEqual(
        walkFiles(source.dataDir).filter((f) => !f.startsWith('chung-suc.sqlite'))
      );
      for (const f of manifest.files) {
        const a = path.join(source.dataDir, f.path);
        const b = path.join(target.dataDir, f.path);
        expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
        expect(statSync(b).mode & 0o777).toBe(statSync(a).mode & 0o777);
      }
      // The restored install opens and migrates like any other.
      const reopened = await openDatabase(kind, target.target);
      await reopened.destroy();
    });

    it('refuses a non-empty install unless forced, then replaces it', async () => {
      const target = await emptySite(kind);
      await restore(target, out);
      await expect(restore(target, out)).rejects.toThrow(/database is not empty.*data directory holds 3/);
      const forced = await restore(target, out, true);
      expect(forced.files).toBe(3);
      expect(await digestAt(target)).toEqual(await digestDatabase(live));
    });

    it('refuses a damaged backup before writing anything, and a non-empty output folder', async () => {
      const copy = path.join(tempDir('cs-damaged-'), 'b');
      await backup(source, copy, 'test');
      writeFileSync(path.join(copy, 'files', 'attachments', 'ab', 'photo.jpg'), 'changed');
      const target = await emptySite(kind);
      await expect(restore(target, copy)).rejects.toThrow(/damaged: changed: attachments\/ab\/photo.jpg/);
      expect(walkFiles(target.dataDir)).toEqual([]);
      await expect(backup(source, copy, 'test')).rejects.toBeInstanceOf(BackupError);
    });
  });
}
