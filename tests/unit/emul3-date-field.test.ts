/**
 * The shared dd/mm/yyyy field: a date with the right shape that is not in the calendar is told
 * apart from a badly typed one, with the day and month echoed back, in every form that uses it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { date, optionalDate } from '../../src/lib/server/fields';
import { validate } from '../../src/lib/server/forms';
import { previewSchema } from '../../src/lib/server/reports/admin/admin.schema';

const schemas = { date: z.object({ d: date }), optionalDate: z.object({ d: optionalDate }) };

const cases: [string, string, string | null, string | null][] = [
  ['a day February does not have', '31/02/2026', 'dates_err_not_in_calendar', 'Ngày 31/02/2026 không có trong lịch'],
  ['29 February of a common year', '29/02/2025', 'dates_err_not_in_calendar', 'tháng 02/2025 không có ngày 29'],
  ['31 April, ISO form', '2026-04-31', 'dates_err_not_in_calendar', 'Ngày 31/04/2026'],
  ['a thirteenth month', '01/13/2026', 'dates_err_month', 'Không có tháng 13'],
  ['day zero', '00/05/2026', 'dates_err_day', 'Không có ngày 00'],
  ['not a date at all', 'hôm kia nữa', 'err_date', 'ngày/tháng/năm'],
  ['two-digit year', '1/2/26', 'err_date', 'ví dụ 25/12/2025'],
  ['29 February of a leap year', '29/02/2028', null, null],
  ['an ordinary day', '01/12/2026', null, null]
];

describe.each(Object.entries(schemas))('the %s field', (_name, schema) => {
  it.each(cases)('%s (%s)', (_label, input, code, text) => {
    const parsed = validate(schema, { d: input });
    if (code === null) return expect(parsed.ok).toBe(true);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.codes.d).toBe(code);
    expect(parsed.errors.d).toContain(text);
  });
});

it('reaches forms with their own date field built on the same issue (the deadline preview)', () => {
  const parsed = validate(previewSchema, { start: '30/02/2026', channel: 'web' });
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.errors.start).toContain('Ngày 30/02/2026 không có trong lịch');
});
