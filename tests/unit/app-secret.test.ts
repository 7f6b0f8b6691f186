/**
 * No publicly known secret: without APP_SECRET the first start generates one and keeps it in
 * the data directory (owner-only), later starts reuse it, and a published or short value in
 * APP_SECRET stops the server from starting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/lib/server/config';
import { encryptIdentity, decryptIdentity, keyringFrom } from '../../src/lib/server/reports/identity';

const dirs: string[] = [];
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-secret-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('APP_SECRET', () => {
  it('is generated on first start, kept owner-only in DATA_DIR and reused afterwards', () => {
    const dir = dataDir();
    const secret = readConfig({ DATA_DIR: dir }).APP_SECRET;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(secret).not.toBe('dev-only-secret-change-me-please');
    const file = join(dir, 'app-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfig({ DATA_DIR: dir }).APP_SECRET).toBe(secret);
    expect(readConfig({ DATA_DIR: dataDir() }).APP_SECRET).not.toBe(secret);
  });

  it('makes identities from one installation unreadable with another installation’s key', () => {
    const who = { name: 'Lò Văn Páo', phone: '0912345678' };
    const a = keyringFrom(readConfig({ DATA_DIR: dataDir() }));
    const b = keyringFrom(readConfig({ DATA_DIR: dataDir() }));
    expect(() => decryptIdentity('r1', encryptIdentity('r1', who, a), b)).toThrow();
  });

  it('tightens a kept secret whose permissions were loosened (a copy, a restore)', () => {
    const dir = dataDir();
    const secret = readConfig({ DATA_DIR: dir }).APP_SECRET;
    chmodSync(join(dir, 'app-secret'), 0o644);
    expect(readConfig({ DATA_DIR: dir }).APP_SECRET).toBe(secret);
    expect(statSync(join(dir, 'app-secret')).mode & 0o777).toBe(0o600);
  });

  it('takes APP_SECRET from the environment over the kept one', () => {
    const dir = dataDir();
    const mine = 'k'.repeat(4) + 'Zx9-long-operator-chosen-secret-value-2026';
    expect(readConfig({ DATA_DIR: dir, APP_SECRET: mine }).APP_SECRET).toBe(mine);
    expect(() => statSync(join(dir, 'app-secret'))).toThrow();
  });

  it.each([
    ['the old built-in default', 'dev-only-secret-change-me-please', /published/],
    ['a short value', 'abc123', /at least 32/],
    ['a repetitive value', 'a'.repeat(64), /repetitive/],
    ['a demo password', 'ChungSuc@2026', /published/]
  ])('refuses to start with %s', (_name, value, message) => {
    expect(() => readConfig({ DATA_DIR: dataDir(), APP_SECRET: value }).APP_SECRET).toThrow(message);
  });

  it('refuses a kept secret file that was replaced by a known value', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'app-secret'), 'dev-only-secret-change-me-please\n', { mode: 0o600 });
    expect(() => readConfig({ DATA_DIR: dir }).APP_SECRET).toThrow(/published/);
  });
});
