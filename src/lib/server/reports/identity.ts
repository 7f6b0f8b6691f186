/**
 * Protected reporter identities, encrypted at rest with AES-256-GCM. The report id is the
 * additional authenticated data, so a ciphertext copied onto another report fails to decrypt.
 * Keys: IDENTITY_KEY (32 bytes) in production; in development an HKDF of APP_SECRET. Each
 * row keeps its key_version; IDENTITY_KEY_PREVIOUS decrypts version - 1 during rotation.
 * Never log, audit or return the decrypted value outside the custodian's reveal.
 */
import type { ReporterIdentity } from '$lib/shared/reports/identity';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { config, decodeKey32, type Config } from '$lib/server/config';
import { readKeptKeys } from '$lib/server/secrets/identity-keys';

export type { ReporterIdentity };

export interface EncryptedIdentity {
  ciphertext: string; // base64
  iv: string; // base64, 12 bytes
  tag: string; // base64, 16 bytes
  key_version: number;
}

export interface Keyring {
  current: number;
  keys: ReadonlyMap<number, Buffer>;
}

const derive = (secret: string, version: number) =>
  Buffer.from(hkdfSync('sha256', secret, 'chung-suc/identity', `v${version}`, 32));

type KeyConfig = Pick<
  Config,
  'APP_SECRET' | 'IDENTITY_KEY' | 'IDENTITY_KEY_VERSION' | 'IDENTITY_KEY_PREVIOUS' | 'DATA_DIR'
>;

/**
 * IDENTITY_KEY from the environment when the operator manages keys there; otherwise the keys
 * kept in DATA_DIR by `secret rotate`, plus version 1 derived from APP_SECRET for identities
 * written before the first rotation.
 */
export function keyringFrom(cfg: Partial<Pick<KeyConfig, 'DATA_DIR'>> & Omit<KeyConfig, 'DATA_DIR'>): Keyring {
  const kept = !cfg.IDENTITY_KEY && cfg.DATA_DIR ? readKeptKeys(cfg.DATA_DIR) : null;
  if (kept) {
    const keys = new Map<number, Buffer>([[1, derive(cfg.APP_SECRET, 1)]]);
    for (const [v, k] of Object.entries(kept.keys)) keys.set(Number(v), Buffer.from(k, 'base64'));
    return { current: kept.current, keys };
  }
  const v = cfg.IDENTITY_KEY_VERSION;
  const keys = new Map<number, Buffer>();
  keys.set(v, cfg.IDENTITY_KEY ? decodeKey32(cfg.IDENTITY_KEY)! : derive(cfg.APP_SECRET, v));
  if (v > 1)
    keys.set(
      v - 1,
      cfg.IDENTITY_KEY_PREVIOUS ? decodeKey32(cfg.IDENTITY_KEY_PREVIOUS)! : derive(cfg.APP_SECRET, v - 1)
    );
  return { current: v, keys };
}

let defaultRing: Keyring | null = null;
const ring = () => (defaultRing ??= keyringFrom(config));

export function encryptIdentity(
  reportId: string,
  identity: ReporterIdentity,
  keyring: Keyring = ring()
): EncryptedIdentity {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.keys.get(keyring.current)!, iv);
  cipher.setAAD(Buffer.from(reportId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  return {
    ciphertext: body.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    key_version: keyring.current
  };
}

/** Throws when the data was altered, belongs to another report, or its key is unknown. */
export function decryptIdentity(reportId: string, row: EncryptedIdentity, keyring: Keyring = ring()): ReporterIdentity {
  const key = keyring.keys.get(row.key_version);
  if (!key) throw new Error('identity key version unavailable');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(row.iv, 'base64'), { authTagLength: 16 }); // refuse truncated tags
  decipher.setAAD(Buffer.from(reportId, 'utf8'));
  decipher.setAuthTag(Buffer.from(row.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(row.ciphertext, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as ReporterIdentity;
}

/** Re-encrypt a row under the current key (rotation job). */
export function rotateIdentity(reportId: string, row: EncryptedIdentity, keyring: Keyring = ring()): EncryptedIdentity {
  return row.key_version === keyring.current
    ? row
    : encryptIdentity(reportId, decryptIdentity(reportId, row, keyring), keyring);
}
