import { describe, expect, it } from 'vitest';
import {
  decryptIdentity,
  encryptIdentity,
  keyringFrom,
  rotateIdentity,
  type ReporterIdentity
} from '../../src/lib/server/reports/identity';
import { readConfig } from '../../src/lib/server/config';

const who: ReporterIdentity = {
  name: 'Nguyễn Thị Mai',
  address: 'Bản Mẫu Một, xã Bình Lư',
  phone: '0912345678',
  email: 'mai@example.vn',
  nationalId: '012345678901'
};
const HEX = 'a'.repeat(64);
const ring = keyringFrom(readConfig({ IDENTITY_KEY: HEX }));

describe('identity encryption', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = encryptIdentity('r1', who, ring);
    const b = encryptIdentity('r1', who, ring);
    expect(a.iv).not.toBe(b.iv);
    expect(a.key_version).toBe(1);
    expect(decryptIdentity('r1', a, ring)).toEqual(who);
  });

  it('ciphertext does not contain the plaintext', () => {
    const e = encryptIdentity('r1', who, ring);
    const raw = Buffer.from(e.ciphertext, 'base64');
    for (const v of Object.values(who)) {
      expect(raw.includes(Buffer.from(v!, 'utf8'))).toBe(false);
      expect(JSON.stringify(e)).not.toContain(v!);
    }
  });

  const flip = (b64: string) => {
    const b = Buffer.from(b64, 'base64');
    b[0] ^= 1;
    return b.toString('base64');
  };
  it.each([
    ['altered ciphertext', (e: ReturnType<typeof encryptIdentity>) => ({ ...e, ciphertext: flip(e.ciphertext) }), 'r1'],
    ['altered tag', (e: ReturnType<typeof encryptIdentity>) => ({ ...e, tag: flip(e.tag) }), 'r1'],
    [
      'truncated tag',
      (e: ReturnType<typeof encryptIdentity>) => ({
        ...e,
        tag: Buffer.from(e.tag, 'base64').subarray(0, 4).toString('base64')
      }),
      'r1'
    ],
    ['altered iv', (e: ReturnType<typeof encryptIdentity>) => ({ ...e, iv: flip(e.iv) }), 'r1'],
    ['moved to another report', (e: ReturnType<typeof encryptIdentity>) => e, 'r2'],
    ['unknown key version', (e: ReturnType<typeof encryptIdentity>) => ({ ...e, key_version: 9 }), 'r1']
  ])('detects tampering: %s', (_n, tamper, reportId) => {
    const e = encryptIdentity('r1', who, ring);
    expect(() => decryptIdentity(reportId, tamper(e), ring)).toThrow();
  });

  it('fails with another key, and derives a dev key from APP_SECRET when none is set', () => {
    const e = encryptIdentity('r1', who, ring);
    const dev = keyringFrom(readConfig({}));
    expect(() => decryptIdentity('r1', e, dev)).toThrow();
    expect(decryptIdentity('r1', encryptIdentity('r1', who, dev), keyringFrom(readConfig({})))).toEqual(who);
  });

  it('rotates: version 2 still reads version 1 rows and re-encrypts them', () => {
    const old = encryptIdentity('r1', who, ring);
    const next = keyringFrom(
      readConfig({ IDENTITY_KEY: 'b'.repeat(64), IDENTITY_KEY_VERSION: '2', IDENTITY_KEY_PREVIOUS: HEX })
    );
    expect(decryptIdentity('r1', old, next)).toEqual(who);
    const rotated = rotateIdentity('r1', old, next);
    expect(rotated.key_version).toBe(2);
    expect(() => decryptIdentity('r1', rotated, ring)).toThrow();
    expect(decryptIdentity('r1', rotated, next)).toEqual(who);
  });

  it.each([
    ['64 hex characters', HEX, true],
    ['32 bytes base64', Buffer.alloc(32, 7).toString('base64'), true],
    ['16 bytes', Buffer.alloc(16, 7).toString('base64'), false],
    ['junk', 'not a key', false]
  ])('config accepts IDENTITY_KEY as %s: %s', (_n, key, ok) => {
    if (ok) expect(readConfig({ IDENTITY_KEY: key }).IDENTITY_KEY).toBe(key);
    else expect(() => readConfig({ IDENTITY_KEY: key })).toThrow();
  });
});
