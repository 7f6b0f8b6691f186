/**
 * Key rotation for protected identities. Run with the server stopped (a running server keeps
 * the keys it started with): a fresh random key becomes current, every identity is
 * re-encrypted with it in one transaction, and only then are the old kept keys dropped, so a
 * crash at any point leaves every identity readable.
 */
import type { Db } from '$lib/server/db';
import type { Config } from '$lib/server/config';
import { keyringFrom, rotateIdentity } from '$lib/server/reports/identity';
import { newKey, readKeptKeys, writeKeptKeys } from './identity-keys';
import { listIdentities, replaceIdentity } from './secrets.repository';

type KeyConfig = Pick<
  Config,
  'APP_SECRET' | 'IDENTITY_KEY' | 'IDENTITY_KEY_VERSION' | 'IDENTITY_KEY_PREVIOUS' | 'DATA_DIR'
>;

export async function rotateIdentityKeys(db: Db, cfg: KeyConfig): Promise<{ version: number; identities: number }> {
  if (cfg.IDENTITY_KEY)
    throw new Error(
      'IDENTITY_KEY is set: rotate by moving it to IDENTITY_KEY_PREVIOUS and raising IDENTITY_KEY_VERSION'
    );
  const before = keyringFrom(cfg);
  const version = Math.max(...before.keys.keys()) + 1;
  const key = newKey();
  writeKeptKeys(cfg.DATA_DIR, { current: version, keys: { ...readKeptKeys(cfg.DATA_DIR)?.keys, [version]: key } });
  const ring = keyringFrom(cfg);
  const identities = await db.transaction().execute(async (tx) => {
    const rows = await listIdentities(tx);
    for (const r of rows) await replaceIdentity(tx, r.report_id, rotateIdentity(r.report_id, r, ring));
    return rows.length;
  });
  writeKeptKeys(cfg.DATA_DIR, { current: version, keys: { [version]: key } });
  return { version, identities };
}
