import { describe, expect, it } from 'vitest';
import { lunarToSolar } from '../../src/lib/server/calendar/lunar';
import { VN_HOLIDAYS, tetDays } from '../../src/lib/server/calendar/holidays-vn';
import {
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  rollToWorkingDay,
  toCalendar,
  weekday,
  workingDaysBetween
} from '../../src/lib/server/calendar/workdays';
import { loadCalendar, seedHolidays } from '../../src/lib/server/calendar/calendar';
import { forEachDb } from '../support/db';

const cal = toCalendar(VN_HOLIDAYS);

describe('lunar calendar', () => {
  it.each([
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04']
  ])('%i: Tết %s, Hùng Kings %s', (year, tet, hung) => {
    expect(lunarToSolar(1, 1, year)).toBe(tet);
    expect(lunarToSolar(10, 3, year)).toBe(hung);
  });
});

describe('holiday data 2025–2027', () => {
  it('has the five Tết days from the eve to mùng 4', () => {
    expect(tetDays(2026)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });
  it('marks the announced Tết breaks as days off', () => {
    for (const [from, to] of [
      ['2025-01-25', '2025-02-02'],
      ['2026-02-14', '2026-02-22']
    ]) {
      for (let d = from; d <= to; d = addCalendarDays(d, 1)) expect(isWorkingDay(d, cal), d).toBe(false);
    }
  });
  it.each([
    ['2026-04-27', 'compensatory'], // Hùng Kings on Sunday 26/04/2026
    ['2027-02-10', 'compensatory'], // Tết mùng 1–2 on a weekend in 2027
    ['2027-02-11', 'compensatory'],
    ['2027-05-03', 'compensatory'], // 1/5/2027 is a Saturday
    ['2025-02-08', 'workday'],
    ['2025-09-01', 'holiday'],
    ['2027-09-03', 'holiday']
  ])('%s is %s', (date, kind) => {
    expect(VN_HOLIDAYS.find((h) => h.date === date)?.kind).toBe(kind);
  });
  it('never lists a date twice and no compensatory day falls on a weekend', () => {
    expect(new Set(VN_HOLIDAYS.map((h) => h.date)).size).toBe(VN_HOLIDAYS.length);
    for (const h of VN_HOLIDAYS.filter((x) => x.kind === 'compensatory' || x.kind === 'bridge'))
      expect([0, 6]).not.toContain(weekday(h.date));
    for (const h of VN_HOLIDAYS.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(weekday(h.date));
  });
});

describe('working days', () => {
  it.each([
    ['weekend: Friday + 1', '2026-11-27', 1, '2026-11-30'],
    ['weekend: from Saturday', '2026-11-28', 1, '2026-11-30'],
    ['zero days', '2026-11-28', 0, '2026-11-28'],
    ['year end 2025: 3 from 31/12', '2025-12-31', 3, '2026-01-06'],
    ['year end 2026: 3 from 30/12', '2026-12-30', 3, '2027-01-05'],
    ['Tết 2025: 3 from Fri 24/01', '2025-01-24', 3, '2025-02-05'],
    ['Tết 2025 make-up Saturday 08/02', '2025-02-06', 2, '2025-02-08'],
    ['Tết 2026: 3 from Thu 12/02', '2026-02-12', 3, '2026-02-24'],
    ['Tết 2026: 3 from Fri 13/02', '2026-02-13', 3, '2026-02-25'],
    ['Tết 2026: 7 from Tue 10/02', '2026-02-10', 7, '2026-02-26'],
    ['Tết 2027 with compensatory days', '2027-02-04', 1, '2027-02-12'],
    ['Hùng Kings + 30/4–1/5 2026', '2026-04-24', 3, '2026-05-04']
  ])('%s', (_name, start, n, expected) => {
    expect(addWorkingDays(start, n, cal)).toBe(expected);
    expect(workingDaysBetween(start, expected, cal)).toBe(n);
  });

  it('counts backwards as negative and accepts a plain list of dates', () => {
    expect(workingDaysBetween('2026-01-06', '2025-12-31', cal)).toBe(-3);
    expect(addWorkingDays('2026-06-05', 1, ['2026-06-08'])).toBe('2026-06-09');
  });

  it('rolls a calendar deadline off a holiday, and rejects bad input', () => {
    expect(rollToWorkingDay('2026-02-19', cal)).toBe('2026-02-23');
    expect(rollToWorkingDay('2026-03-02', cal)).toBe('2026-03-02');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => addWorkingDays('2026-02-30x', 1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-10', -1, cal)).toThrow(RangeError);
  });
});

forEachDb('holiday table', (ctx) => {
  it('seeds idempotently, keeps admin edits and loads a calendar', async () => {
    await seedHolidays(ctx.db);
    await ctx.db.updateTable('holiday').set({ name: 'edited' }).where('date', '=', '2026-09-01').execute();
    await seedHolidays(ctx.db);
    const rows = await ctx.db.selectFrom('holiday').select(['date', 'name']).execute();
    expect(rows.length).toBe(VN_HOLIDAYS.length);
    expect(rows.find((r) => r.date === '2026-09-01')?.name).toBe('edited');
    const loaded = await loadCalendar(ctx.db, '2026-02-01', '2026-03-31');
    expect([...loaded.off].sort()).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(addWorkingDays('2026-02-12', 3, loaded)).toBe('2026-02-24');
  });
});
