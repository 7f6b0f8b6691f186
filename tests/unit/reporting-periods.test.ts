/** Reporting periods: the Decree 09/2019 cut-off (15th → 14th) and calendar periods. */
import { describe, expect, it } from 'vitest';
import {
  aggregateMonths,
  dueOn,
  periodContaining,
  periodOf,
  periodTitle,
  rangePeriod,
  type Cutoff,
  type PeriodKind
} from '../../src/lib/shared/reporting/periods';

type Row = [Exclude<PeriodKind, 'range'>, number, number, Cutoff, string, string, string, string, string];

// kind, year, index, cut-off → start, end, aggregate months from–to, title
const cases: Row[] = [
  ['month', 2026, 1, 'decree09', '2025-12-15', '2026-01-14', '2025-12', '2025-12', 'tháng 1 năm 2026'],
  ['month', 2026, 3, 'decree09', '2026-02-15', '2026-03-14', '2026-02', '2026-02', 'tháng 3 năm 2026'],
  ['month', 2024, 2, 'calendar', '2024-02-01', '2024-02-29', '2024-02', '2024-02', 'tháng 2 năm 2024'],
  ['quarter', 2026, 1, 'decree09', '2025-12-15', '2026-03-14', '2025-12', '2026-02', 'quý I năm 2026'],
  ['quarter', 2026, 4, 'decree09', '2026-09-15', '2026-12-14', '2026-09', '2026-11', 'quý IV năm 2026'],
  ['quarter', 2026, 2, 'calendar', '2026-04-01', '2026-06-30', '2026-04', '2026-06', 'quý II năm 2026'],
  ['half', 2026, 1, 'decree09', '2025-12-15', '2026-06-14', '2025-12', '2026-05', '6 tháng đầu năm 2026'],
  ['half', 2026, 2, 'calendar', '2026-07-01', '2026-12-31', '2026-07', '2026-12', '6 tháng cuối năm 2026'],
  ['nine_months', 2026, 1, 'decree09', '2025-12-15', '2026-09-14', '2025-12', '2026-08', '9 tháng năm 2026'],
  ['nine_months', 2026, 1, 'calendar', '2026-01-01', '2026-09-30', '2026-01', '2026-09', '9 tháng năm 2026'],
  ['year', 2026, 1, 'decree09', '2025-12-15', '2026-12-14', '2025-12', '2026-11', 'năm 2026'],
  ['year', 2026, 1, 'calendar', '2026-01-01', '2026-12-31', '2026-01', '2026-12', 'năm 2026']
];

describe('reporting periods', () => {
  it.each(cases)('%s %i/%i (%s) runs %s → %s', (kind, year, index, cutoff, start, end, from, to, title) => {
    const p = periodOf(kind, year, index, cutoff);
    expect([p.start, p.end]).toEqual([start, end]);
    expect(aggregateMonths(p)).toEqual({ from, to });
    expect(periodTitle(p)).toBe(title);
  });

  it('puts every day of a year in exactly one month and one quarter, under both cut-offs', () => {
    for (const cutoff of ['decree09', 'calendar'] as const) {
      for (const kind of ['month', 'quarter'] as const) {
        const n = kind === 'month' ? 12 : 4;
        const ps = Array.from({ length: n }, (_, i) => periodOf(kind, 2026, i + 1, cutoff));
        for (let i = 1; i < n; i++) expect(ps[i].start > ps[i - 1].end).toBe(true);
        // the next period starts the day after the previous one ends: no gap
        for (let i = 1; i < n; i++) {
          const next = new Date(`${ps[i - 1].end}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          expect(ps[i].start).toBe(next.toISOString().slice(0, 10));
        }
        const months = ps.map((p) => aggregateMonths(p)!);
        for (let i = 1; i < n; i++) expect(months[i].from > months[i - 1].to).toBe(true);
      }
    }
  });

  it('finds the period a date falls in (15 December already belongs to next year under Decree 09)', () => {
    expect(periodContaining('quarter', '2026-12-15', 'decree09')).toMatchObject({ year: 2027, index: 1 });
    expect(periodContaining('quarter', '2026-12-15', 'calendar')).toMatchObject({ year: 2026, index: 4 });
    expect(periodContaining('month', '2026-03-14', 'decree09')).toMatchObject({ year: 2026, index: 3 });
    expect(periodContaining('month', '2026-03-15', 'decree09')).toMatchObject({ year: 2026, index: 4 });
  });

  it('dates a program review range and names it by its days; due five days after the cut-off', () => {
    const p = rangePeriod('2024-01-01', '2026-06-30');
    expect(periodTitle(p)).toBe('từ ngày 01/01/2024 đến ngày 30/06/2026');
    expect(aggregateMonths(p)).toEqual({ from: '2024-01', to: '2026-06' });
    expect(aggregateMonths(rangePeriod('2026-03-02', '2026-03-20'))).toBeNull();
    expect(dueOn(periodOf('quarter', 2026, 1, 'decree09'))).toBe('2026-03-19');
    expect(dueOn(periodOf('year', 2026, 1, 'calendar'))).toBe('2027-01-05');
  });

  it('refuses a period index that does not exist', () => {
    expect(() => periodOf('quarter', 2026, 5, 'calendar')).toThrow(RangeError);
    expect(() => periodOf('month', 2026, 0, 'decree09')).toThrow(RangeError);
  });
});
