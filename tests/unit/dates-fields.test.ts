/**
 * Every date a person types in the product goes through one field builder (src/lib/shared/date-field.ts):
 * a month that does not exist, a day that does not exist, a day its month lacks and a date not
 * shaped like one each get their own Vietnamese message, in every form that asks for a date.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validate } from '../../src/lib/server/forms';
import { dateProblem, partsOf } from '../../src/lib/shared/date-field';
import { dayInputParts } from '../../src/lib/shared/day-input';
import { looseDateParts } from '../../src/lib/server/people/import/dates';
import {
  consentInputSchema,
  membershipEndSchema,
  membershipInputSchema,
  personCreateFormSchema
} from '../../src/lib/server/people/person.schema';
import { auditFilterSchema } from '../../src/lib/server/audit/audit.schema';
import { reportQuerySchema } from '../../src/lib/server/reports/public/public.schema';
import { intakeSchema } from '../../src/lib/server/reports/intake/intake.schema';
import { createReportSchema } from '../../src/lib/server/reporting/report.schema';
import { holidaySchema } from '../../src/lib/server/reports/admin/admin.schema';
import { outcomeSchema } from '../../src/lib/shared/reports/outcome';
import { verifySchema } from '../../src/lib/server/reports/workflow/workflow.schema';
import { listDateErrors } from '../../src/lib/server/forms';
import { parseQuery } from '../../src/lib/server/reports/public/public.service';

const TODAY = '2026-12-02';

describe('what the parsers read, before the calendar check', () => {
  it.each([
    ['31/02/2025', { day: '31', month: '02', year: '2025' }],
    ['1-2-2025', { day: '01', month: '02', year: '2025' }],
    ['2025-04-31', { day: '31', month: '04', year: '2025' }],
    ['31/2', null],
    ['hôm qua', null]
  ])('the field reads %j as %j', (typed, parts) => expect(partsOf(typed)).toEqual(parts));

  it.each([
    ['31/2', { day: '31', month: '02', year: '2026' }],
    ['31/2/25', { day: '31', month: '02', year: '2025' }],
    ['3102', { day: '31', month: '02', year: '2026' }],
    ['1 13', { day: '01', month: '13', year: '2026' }],
    ['hôm kia nữa', null]
  ])('a typed day %j reads as %j', (typed, parts) => expect(dayInputParts(typed, TODAY)).toEqual(parts));

  it.each([
    ['31/02/2010', { day: '31', month: '02', year: '2010' }],
    ['ngày 5 tháng 13 năm 2010', { day: '05', month: '13', year: '2010' }],
    ['13/2010', { day: '01', month: '13', year: '2010' }],
    ['40123', null]
  ])('an imported cell %j reads as %j', (typed, parts) => expect(looseDateParts(typed, 2026)).toEqual(parts));
});

describe('why a date is refused', () => {
  it.each([
    [{ day: '31', month: '02', year: '2025' }, 'dates_err_not_in_calendar'],
    [{ day: '29', month: '02', year: '2025' }, 'dates_err_not_in_calendar'],
    [{ day: '31', month: '13', year: '2025' }, 'dates_err_month'],
    [{ day: '15', month: '00', year: '2025' }, 'dates_err_month'],
    [{ day: '32', month: '01', year: '2025' }, 'dates_err_day'],
    [{ day: '00', month: '01', year: '2025' }, 'dates_err_day'],
    // A real day refused for another reason (the import's year range) is a format matter.
    [{ day: '01', month: '02', year: '1850' }, 'err_date'],
    [null, 'err_date']
  ])('%j → %s', (parts, key) => expect(dateProblem(parts).message).toBe(key));
});

/** Each form that asks for a date, its date field, and what else it needs to reach that field. */
const FORMS: [string, z.ZodType, string, Record<string, unknown>][] = [
  ['new person (date joined)', personCreateFormSchema, 'joined_on', {}],
  ['membership (date joined)', membershipInputSchema, 'joined_on', {}],
  ['end of membership', membershipEndSchema, 'left_on', {}],
  ['consent', consentInputSchema, 'given_on', {}],
  ['audit log filter, from', auditFilterSchema, 'from', {}],
  ['audit log filter, to', auditFilterSchema, 'to', {}],
  ['public reports filter', reportQuerySchema, 'from', {}],
  ['report intake (date seen)', intakeSchema, 'observed_on', {}],
  ['report upward (period start)', createReportSchema, 'start_on', {}],
  ['public holiday', holidaySchema, 'date', { calendar: 'solar', kind: 'holiday', name: 'Tết' }],
  ['closing a report (decision date)', outcomeSchema, 'decision_date', { kind: 'violation_confirmed' }],
  ['site visit', verifySchema, 'visit_date', { site_visit: 'yes' }]
];

const TYPED: [string, string, string][] = [
  ['31/02/2025', 'dates_err_not_in_calendar', 'Ngày 31/02/2025 không có trong lịch: tháng 02/2025 không có ngày 31.'],
  ['15/13/2025', 'dates_err_month', 'Không có tháng 13: tháng phải từ 01 đến 12.'],
  ['32/01/2025', 'dates_err_day', 'Không có ngày 32: ngày phải từ 01 đến 31.'],
  ['ba mươi', 'err_date', 'Ngày phải theo dạng ngày/tháng/năm, ví dụ 25/12/2025.']
];

describe.each(FORMS)('the %s form', (_name, schema, field, rest) => {
  it.each(TYPED)('refuses %j with its own message', (typed, key, text) => {
    const parsed = validate(schema, { ...rest, [field]: typed });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.codes[field]).toBe(key);
    expect(parsed.errors[field]).toBe(text);
  });
});

it('reads the short "31/2" of the report form as this year\'s, and says February lacks the 31st', () => {
  const parsed = validate(intakeSchema, { observed_on: '31/2' });
  const year = new Date().getUTCFullYear();
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.errors.observed_on).toContain(`tháng 02/${year} không có ngày 31`);
});

it('stores a close decision date typed dd/mm/yyyy as ISO, and none as empty', () => {
  const base = { kind: 'violation_confirmed', decision_no: '12/QĐ-XPHC', fine_vnd: '0' };
  const typed = validate(outcomeSchema, { ...base, decision_date: '05/03/2026' });
  expect(typed.ok && typed.data).toMatchObject({ decision_date: '2026-03-05' });
  const none = validate(outcomeSchema, { ...base, decision_date: '' });
  expect(none.ok && none.data).toMatchObject({ decision_date: '' });
});

it('says why a list filter date (outreach list, report queue) cannot filter it, instead of dropping it silently', () => {
  const errors = listDateErrors(new URLSearchParams({ from: '31/02/2026', to: '1/13/2026' }));
  expect(errors).toEqual({
    from: 'Ngày 31/02/2026 không có trong lịch: tháng 02/2026 không có ngày 31.',
    to: 'Không có tháng 13: tháng phải từ 01 đến 12.'
  });
  expect(listDateErrors(new URLSearchParams({ from: '01/02/2026', to: '' }))).toEqual({});
});

it('shows a refused public list date again as typed, and lists without it', () => {
  const { query, shown, errors } = parseQuery(new URLSearchParams({ from: '31/04/2025', q: 'rác' }));
  expect(errors.from).toBe('Ngày 31/04/2025 không có trong lịch: tháng 04/2025 không có ngày 31.');
  expect(query).toMatchObject({ from: '', q: 'rác' });
  expect(shown).toMatchObject({ from: '31/04/2025', q: 'rác' });
});
