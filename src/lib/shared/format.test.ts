import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, parseDate, todayVn } from './format';

describe('dates', () => {
  it('formats as dd/mm/yyyy', () => expect(formatDate('2025-07-01')).toBe('01/07/2025'));
  it('formats a month as mm/yyyy', () => expect(formatMonth('2026-01')).toBe('01/2026'));
  it('shows instants in Vietnam time', () => expect(formatDateTime('2025-06-30T17:30:00Z')).toBe('01/07/2025 00:30'));
  it('knows the Vietnamese date at UTC evening', () =>
    expect(todayVn(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01'));
  it.each([
    ['25/12/2025', '2025-12-25'],
    ['1/7/2025', '2025-07-01'],
    ['2025-07-01', '2025-07-01'],
    ['31/02/2025', null],
    ['hôm qua', null]
  ])('parses %s', (input, expected) => expect(parseDate(input)).toBe(expected));
});
