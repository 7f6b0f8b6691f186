import { describe, expect, it } from 'vitest';
import { parseDayInput } from './day-input';

const TODAY = '2026-12-02';

describe('the day people type', () => {
  it.each([
    ['02/12/2026', '2026-12-02'],
    ['1/12', '2026-12-01'],
    ['01122026', '2026-12-01'],
    ['011226', '2026-12-01'],
    ['0112', '2026-12-01'],
    ['1-12-2026', '2026-12-01'],
    ['1.12.26', '2026-12-01'],
    ['1 12 2026', '2026-12-01'],
    ['  1/12/2026 ', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['hôm qua', '2026-12-01'],
    ['Hôm nay', '2026-12-02'],
    ['hom qua', '2026-12-01'],
    ['hôm kia', '2026-11-30'],
    ['yesterday', '2026-12-01'],
    ['31/02/2026', null],
    ['32/1', null],
    ['1/13', null],
    ['123', null],
    ['tuần trước', null],
    ['', null]
  ])('reads %j as %s', (input, expected) => expect(parseDayInput(input, TODAY)).toBe(expected));

  it('counts "hôm qua" back across a month and a year', () => {
    expect(parseDayInput('hôm qua', '2026-03-01')).toBe('2026-02-28');
    expect(parseDayInput('hôm qua', '2027-01-01')).toBe('2026-12-31');
  });
});
