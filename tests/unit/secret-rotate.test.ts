/**
 * `secret rotate`: every protected identity is re-encrypted with a new random key kept in the
 * data directory; identities stay readable with the new keys and no longer with the old ones.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDb } from '../support/db';
import { seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { readConfig } from '../../src/lib/server/config';
import { decryptIdentity, encryptIdentity, keyringFrom } from '../../src/lib/server/reports/identity';
import { rotateIdentityKeys } from '../../src/lib/server/secrets/rotation.service';
import { nowIso } from '../../src/lib/server/db/ids';

forEachDb('secret rotate', (ctx) => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-rotate-'));
    await seedDemo(ctx.db);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-encrypts every identity under a new kept key; the old key no longer reads them', async () => {
    const cfg = readConfig({ DATA_DIR: dir });
    const people = [{ name: 'Lò Văn Páo', phone: '0912345678' }, { name: 'Tao Thị Sai' }];
    const ids: string[] = [];
    for (const who of people) {
      const { id } = await createTestReport(ctx.db, { identity: null });
      await ctx.db
        .insertInto('report_identity')
        .values({ report_id: id, ...encryptIdentity(id, who, keyringFrom(cfg)), created_at: nowIso() })
        .execute();
      ids.push(id);
    }
    const rows = () => ctx.db.selectFrom('report_identity').selectAll().where('report_id', 'in', ids).execute();
    const before = await rows();

    expect(await rotateIdentityKeys(ctx.db, cfg)).toMatchObject({ version: 2 });
    const after = await rows();
    expect(after.map((r) => r.key_version)).toEqual([2, 2]);
    expect(after.map((r) => r.ciphertext)).not.toEqual(before.map((r) => r.ciphertext));
    const ring = keyringFrom(cfg);
    expect(after.map((r) => decryptIdentity(r.report_id, r, ring).name).sort()).toEqual(
      people.map((p) => p.name).sort()
    );
    const withoutKeptKeys = keyringFrom(
      readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cs-empty-')), APP_SECRET: cfg.APP_SECRET })
    );
    expect(() => decryptIdentity(after[0].report_id, after[0], withoutKeptKeys)).toThrow();

    await rotateIdentityKeys(ctx.db, cfg);
    const file = join(dir, 'identity-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).keys)).toEqual(['3']);
    const third = await rows();
    expect(third.map((r) => decryptIdentity(r.report_id, r, keyringFrom(cfg)).name).sort()).toEqual(
      people.map((p) => p.name).sort()
    );
  });
});
