/** The audit log shows values a person can read: local times, yes/no, fields instead of JSON. */
import { describe, expect, it } from 'vitest';
import { readableAuditValue } from '../../src/lib/shared/audit-value';

const WORDS = { yes: 'Có', no: 'Không' };

const CASES: [string, string, string][] = [
  ['a UTC instant in Vietnamese local time', '2026-12-01T17:05:00.000Z', '02/12/2026 00:05'],
  ['a flag set', 'true', 'Có'],
  ['a flag cleared', 'false', 'Không'],
  ['a snapshot of fields', '{"status":"verified","urgent":true}', 'status: verified; urgent: Có'],
  ['a list', '["a","b"]', 'a, b'],
  ['plain text', 'Phường Đoàn Kết', 'Phường Đoàn Kết'],
  ['text that only looks like JSON', '{not json', '{not json'],
  ['a date without time stays as written', '2026-12-01', '2026-12-01']
];

describe('readableAuditValue', () => {
  it.each(CASES)('%s', (_, raw, shown) => expect(readableAuditValue(raw, WORDS)).toBe(shown));
});
