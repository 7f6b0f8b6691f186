import { describe, expect, it } from 'vitest';
import { formatReceipt, parseReceipt } from '../../src/lib/shared/reports/receipt';
import { hashReceipt, hashReceiptInput, newReceipt, newReceiptCode } from '../../src/lib/server/reports/receipt';

describe('receipt codes', () => {
  it('are 16 random digits shown 4-4-4-4', () => {
    const codes = new Set(Array.from({ length: 500 }, newReceiptCode));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^\d{16}$/);
    expect(formatReceipt('0123456789012345')).toBe('0123 4567 8901 2345');
  });

  it.each([
    ['0123 4567 8901 2345', '0123456789012345'],
    ['0123-4567-8901-2345', '0123456789012345'],
    [' 0123.4567 8901–2345 ', '0123456789012345'],
    ['０１２３４５６７８９０１２３４５', '0123456789012345'],
    ['0123 4567 8901 234', null],
    ['0123 4567 8901 23456', null],
    ['0123 4567 8901 234a', null],
    ['', null]
  ])('parses %j → %s', (input, expected) => expect(parseReceipt(input)).toBe(expected));

  it('stores only a keyed hash, equal for every typed form of the code', () => {
    const { code, hash } = newReceipt('secret-one-0123456789');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code);
    expect(hashReceipt(formatReceipt(code), 'secret-one-0123456789')).toBe(hash);
    expect(hashReceiptInput(code.replace(/(\d{4})/g, '$1-'), 'secret-one-0123456789')).toBe(hash);
    expect(hashReceipt(code, 'another-secret-0123456')).not.toBe(hash);
    expect(hashReceiptInput('1234', 'secret-one-0123456789')).toBeNull();
    expect(() => hashReceipt('nope')).toThrow();
  });
});
