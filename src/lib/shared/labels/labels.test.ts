import { describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime';
import { label, type Labels } from './lookup';
import * as audit from './audit';
import * as geo from './geo';
import * as program from './program';
import * as reports from './reports';
import * as roles from './roles';

const maps = Object.entries({ ...audit, ...geo, ...program, ...reports, ...roles }) as [string, Labels][];

describe('code labels', () => {
  it.each(['vi', 'en'] as const)('every stored code reads as words in %s, not as its code', (locale) => {
    setLocale(locale, { reload: false });
    for (const [name, labels] of maps)
      for (const code of Object.keys(labels)) {
        const text = label(labels, code);
        expect(text.trim(), `${name}.${code}`).not.toBe('');
        expect(text, `${name}.${code}`).not.toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
      }
    setLocale('vi', { reload: false });
  });

  it('names report statuses and roles in Vietnamese by default', () => {
    expect(label(reports.REPORT_STATUS, 'new')).toBe('Mới gửi');
    expect(label(roles.ROLE, 'branch_leader')).toMatch(/Chi hội trưởng/);
  });

  it('shows a code the catalogue does not know as itself, or the given fallback', () => {
    expect(label(reports.REPORT_STATUS, 'archived_2030')).toBe('archived_2030');
    expect(label(reports.REPORT_EVENT, 'teleported', 'Khác')).toBe('Khác');
    expect(label(reports.REPORT_STATUS, 'toString')).toBe('toString');
  });
});
