/**
 * APP_SECRET keys the receipt hashes, the follow-up cookies and (unless IDENTITY_KEY is set)
 * the encryption of protected identities. A value anyone can look up (a default, an example
 * from the documentation) would let whoever holds a copy of the database decrypt identities
 * and forge follow-up cookies. So there is no default: the first start generates a random
 * secret and keeps it in the data directory, readable by the server's user only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_FILE = 'app-secret';
export const MIN_SECRET_LENGTH = 32;

/** Values published somewhere (old defaults, examples); never accepted. */
const KNOWN = new Set(
  [
    'dev-only-secret-change-me-please',
    'change-me-to-a-long-random-secret-value',
    'changeme',
    'change-me',
    'secret',
    'password',
    'ChungSuc@2026',
    // The browser tests' old fixed secret, published in this repository.
    'e2e-secret-0123456789abcdef-0123456789'
  ].map((v) => v.toLowerCase())
);

/** Words that mark a placeholder someone meant to replace. */
const PLACEHOLDER = /change.?me|replace.?me|placeholder|example|your.?secret|e2e-secret|0123456789/i;

/** The secret refused at start: one line for the operator, no stack trace. */
export class SecretError extends Error {}

/** Why this value may not be the secret, or null when it may. */
export function secretProblem(value: string): string | null {
  const v = value.trim();
  if (KNOWN.has(v.toLowerCase()) || PLACEHOLDER.test(v))
    return 'APP_SECRET is a published example value; generate one with `openssl rand -base64 48`';
  if (v.length < MIN_SECRET_LENGTH) return `APP_SECRET must be at least ${MIN_SECRET_LENGTH} characters`;
  // Few distinct characters, or one short piece said again and again ("secretsecret…").
  if (new Set(v).size < 12 || /^(.{1,16}?)\1+.{0,3}$/s.test(v)) return 'APP_SECRET is too repetitive to be secret';
  return null;
}

export function secretPath(dataDir: string): string {
  return path.join(dataDir, SECRET_FILE);
}

/** Reads the kept secret, creating it on first use. Safe when several processes start at once. */
export function keptSecret(dataDir: string): string {
  const file = secretPath(dataDir);
  try {
    return readKept(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, randomBytes(48).toString('base64url') + '\n', { mode: 0o600 });
  try {
    linkSync(tmp, file); // fails if another process created it first: then use theirs
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readKept(file);
}

function readKept(file: string): string {
  const value = readFileSync(file, 'utf8').trim();
  // Someone loosened the permissions (a copy, a restore): tighten them again.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const problem = secretProblem(value);
  if (problem) throw new SecretError(`${file}: ${problem}`);
  return value;
}

/** APP_SECRET from the environment when set (checked), else the kept one. Throws to refuse to start. */
export function resolveAppSecret(fromEnv: string | undefined, dataDir: string): string {
  if (fromEnv === undefined || fromEnv === '') return keptSecret(dataDir);
  const problem = secretProblem(fromEnv);
  if (problem) throw new SecretError(problem);
  return fromEnv.trim();
}

/** At server start: a refused secret prints one clear line and the process stops. */
export function refuseWeakSecret(read: () => string): void {
  try {
    read();
  } catch (e) {
    if (!(e instanceof SecretError)) throw e;
    console.error(`Chung Sức: ${e.message}`);
    process.exit(1);
  }
}
