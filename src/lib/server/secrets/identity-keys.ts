/**
 * Identity keys kept in the data directory after a rotation (`npm run cli -- secret rotate`).
 * Before any rotation identities are encrypted with a key derived from APP_SECRET (version 1);
 * a rotation adds a random key under the next version, re-encrypts every identity with it and
 * then drops the keys no row uses any more. The file is the server user's only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const KEY_FILE = 'identity-keys.json';

export interface KeptKeys {
  current: number;
  /** version → 32-byte key, base64 */
  keys: Record<string, string>;
}

export const keyFilePath = (dataDir: string) => path.join(dataDir, KEY_FILE);

export function readKeptKeys(dataDir: string): KeptKeys | null {
  const file = keyFilePath(dataDir);
  if (!existsSync(file)) return null;
  const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptKeys;
  if (!Number.isInteger(kept.current) || !kept.keys[String(kept.current)]) throw new Error(`${file}: no current key`);
  return kept;
}

/** Atomic replace: a crash leaves the old file or the new one, never a mix. */
export function writeKeptKeys(dataDir: string, kept: KeptKeys): void {
  mkdirSync(dataDir, { recursive: true });
  const file = keyFilePath(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(kept, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export const newKey = () => randomBytes(32).toString('base64');
