/**
 * Vietnamese public holidays 2025–2027: the seed of the admin-editable `holiday` table.
 *
 * Law (sources):
 * - Labour Code 2019 (45/2019/QH14) Art. 112(1): New Year 1/1; Lunar New Year (Tết) 5 days;
 *   Victory Day 30/4; Labour Day 1/5; National Day 2/9 plus one adjacent day (before or
 *   after); Hùng Kings' Commemoration 10/3 lunar. Art. 112(3): the Prime Minister fixes the
 *   Tết days and the adjacent National Day each year.
 * - Labour Code 2019 Art. 111(3): a holiday on a weekly rest day is compensated on the next
 *   working day (computed below unless an announced break already covers it).
 * - Lunar dates are computed by ./lunar.ts and pinned in calendar.test.ts:
 *   Tết 2025-01-29, 2026-02-17, 2027-02-06; Hùng Kings 2025-04-07, 2026-04-26, 2027-04-16.
 *
 * Per-year decisions (the government announces them every year; administrators correct the
 * table when a decision differs from what is written here):
 * - 2025: Tết break 25/01–02/02 (9 days, Monday 27/01 swapped with Saturday 08/02);
 *   30/4–1/5 break 30/04–04/05 (Friday 02/05 swapped with Saturday 26/04);
 *   National Day 01/09 + 02/09 (break 30/08–02/09). Announced by MOLISA for the PM, 2024–2025.
 * - 2026: Tết break 14/02–22/02 (announced 9-day plan). Hùng Kings falls on Sunday 26/04 →
 *   compensatory Monday 27/04. National Day adjacent day: 01/09 PROVISIONAL (not announced).
 * - 2027: nothing announced. Default Tết = the day before mùng 1 ("29 Tết") … mùng 4 with
 *   compensatory days; National Day adjacent day 03/09 PROVISIONAL.
 */
import { lunarToSolar } from './lunar';
import { addCalendarDays, weekday, type HolidayKind } from './workdays';

export interface HolidaySeed {
  date: string;
  kind: HolidayKind;
  name: string;
}

interface YearDecision {
  year: number;
  /** 'YYYY-MM-DD' of the day adjacent to 2/9 */
  nationalDayExtra: string;
  /** announced continuous breaks: every day inside is off, no extra compensation */
  breaks: [string, string][];
  /** weekend days declared working days (make-up for a swapped weekday) */
  workdays: string[];
}

export const DECISIONS: YearDecision[] = [
  {
    year: 2025,
    nationalDayExtra: '2025-09-01',
    breaks: [
      ['2025-01-25', '2025-02-02'],
      ['2025-04-30', '2025-05-04'],
      ['2025-08-30', '2025-09-02']
    ],
    workdays: ['2025-02-08', '2025-04-26']
  },
  { year: 2026, nationalDayExtra: '2026-09-01', breaks: [['2026-02-14', '2026-02-22']], workdays: [] },
  { year: 2027, nationalDayExtra: '2027-09-03', breaks: [], workdays: [] }
];

const isWeekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

/** The five statutory Tết days: the last day of the old lunar year … mùng 4. */
export function tetDays(year: number): string[] {
  const first = lunarToSolar(1, 1, year);
  return [-1, 0, 1, 2, 3].map((n) => addCalendarDays(first, n));
}

function statutory(d: YearDecision): HolidaySeed[] {
  const y = d.year;
  const h = (date: string, name: string): HolidaySeed => ({ date, kind: 'holiday', name });
  return [
    h(`${y}-01-01`, 'Tết Dương lịch'),
    ...tetDays(y).map((date) => h(date, 'Tết Nguyên Đán')),
    h(lunarToSolar(10, 3, y), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    h(`${y}-04-30`, 'Ngày Chiến thắng'),
    h(`${y}-05-01`, 'Ngày Quốc tế Lao động'),
    h(`${y}-09-02`, 'Quốc khánh'),
    h(d.nationalDayExtra, 'Quốc khánh (ngày liền kề)')
  ].sort((a, b) => a.date.localeCompare(b.date));
}

const inBreak = (date: string, d: YearDecision) => d.breaks.some(([a, b]) => date >= a && date <= b);

/** All seed rows for one year: statutory, bridge days in breaks, compensatory, make-up days. */
export function buildYear(d: YearDecision): HolidaySeed[] {
  const rows = statutory(d);
  const off = new Set(rows.map((r) => r.date));
  for (const [from, to] of d.breaks) {
    for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
      if (!off.has(day) && !isWeekend(day)) {
        rows.push({ date: day, kind: 'bridge', name: 'Nghỉ hoán đổi (theo thông báo)' });
        off.add(day);
      }
    }
  }
  for (const r of rows.filter((r) => r.kind === 'holiday' && isWeekend(r.date) && !inBreak(r.date, d))) {
    let day = addCalendarDays(r.date, 1);
    while (isWeekend(day) || off.has(day)) day = addCalendarDays(day, 1);
    rows.push({ date: day, kind: 'compensatory', name: `Nghỉ bù ${r.name}` });
    off.add(day);
  }
  for (const date of d.workdays) rows.push({ date, kind: 'workday', name: 'Làm bù (theo thông báo)' });
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

export const VN_HOLIDAYS: HolidaySeed[] = DECISIONS.flatMap(buildYear);
