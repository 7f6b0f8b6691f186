/**
 * The audit log shows values a person can read: local times, yes/no, fields instead of JSON, and
 * each field by its label ("Trạng thái", "Xã/phường") rather than its column name.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readableAuditValue } from '../../src/lib/shared/audit-value';
import { AUDIT_FIELD, auditFieldLabel } from '../../src/lib/shared/audit-fields';

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

// [column, Vietnamese label, English label]
const FIELDS: [string, string, string][] = [
  ['status', 'Trạng thái', 'Status'],
  ['commune_unit_id', 'Xã/phường', 'Commune'],
  ['village_unit_id', 'Thôn/bản', 'Village'],
  ['commune_org_id', 'Hội tiếp nhận', 'Receiving association'],
  ['deadline_on', 'Hạn xử lý', 'Deadline'],
  ['agency_org_id', 'Cơ quan xử lý', 'Handling agency'],
  ['full_name', 'Họ và tên', 'Full name'],
  ['must_change_password', 'Phải đổi mật khẩu', 'Must change password'],
  ['count_elderly', 'Số người cao tuổi', 'Older people']
];

const catalogue = (lang: string) =>
  JSON.parse(readFileSync(`messages/${lang}/desk.json`, 'utf8')) as Record<string, string>;

describe('audit field labels', () => {
  it.each(FIELDS)('%s reads "%s" / "%s"', (field, vi, en) => {
    expect(auditFieldLabel(field)).toBe(vi);
    expect(catalogue('en')[`desk_af_${field}`]).toBe(en);
  });

  it('a field not labelled yet shows as itself, never disappears', () => {
    expect(auditFieldLabel('brand_new_column')).toBe('brand_new_column');
  });

  it('every labelled field has both a Vietnamese and an English label', () => {
    const [vi, en] = [catalogue('vi'), catalogue('en')];
    for (const field of Object.keys(AUDIT_FIELD)) {
      expect(vi[`desk_af_${field}`], field).toBeTruthy();
      expect(en[`desk_af_${field}`], field).toBeTruthy();
    }
  });
});
