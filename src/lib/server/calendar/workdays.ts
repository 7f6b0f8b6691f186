/**
 * Working-day arithmetic on plain 'YYYY-MM-DD' dates (no time zones involved: every date is
 * handled as a UTC calendar day). A working day is Monday–Friday that is not a day off, or a
 * weekend day the government declared a make-up working day (kind 'workday').
 *
 * Counting follows the Civil Code 2015 Art. 147: a period starts the day AFTER the event, so
 * addWorkingDays(d, 1) is the next working day after d, and workingDaysBetween(d, e) counts
 * the working days in (d, e].
 */
export type HolidayKind = 'holiday' | 'compensatory' | 'bridge' | 'workday';

export interface HolidayDay {
  date: string;
  kind: HolidayKind;
}

/** Days off (holiday, compensatory, bridge) and make-up working weekend days. */
export interface WorkCalendar {
  off: ReadonlySet<string>;
  work: ReadonlySet<string>;
}

export type Holidays = WorkCalendar | Iterable<HolidayDay | string>;

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function toMs(date: string): number {
  if (!ISO.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A plain string is a day off; {kind:'workday'} marks a weekend day that is worked. */
export function toCalendar(days: Holidays): WorkCalendar {
  if (isCalendar(days)) return days;
  const off = new Set<string>();
  const work = new Set<string>();
  for (const d of days) {
    if (typeof d === 'string') off.add(d);
    else (d.kind === 'workday' ? work : off).add(d.date);
  }
  return { off, work };
}

function isCalendar(h: Holidays): h is WorkCalendar {
  return typeof h === 'object' && h !== null && 'off' in h && 'work' in h;
}

export function addCalendarDays(start: string, n: number): string {
  return fromMs(toMs(start) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: string): number {
  return new Date(toMs(date)).getUTCDay();
}

export function isWorkingDay(date: string, holidays: Holidays): boolean {
  const cal = toCalendar(holidays);
  if (cal.work.has(date)) return true;
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !cal.off.has(date);
}

/** The n-th working day after `start` (n ≥ 0; n = 0 returns start unchanged). */
export function addWorkingDays(start: string, n: number, holidays: Holidays): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const cal = toCalendar(holidays);
  let date = start;
  for (let left = n; left > 0;) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, cal)) left--;
  }
  return date;
}

/** Working days in (from, to]; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, holidays: Holidays): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  const cal = toCalendar(holidays);
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, cal)) count++;
  }
  return count;
}

/**
 * `date` if it is a working day, otherwise the next one. Civil Code 2015 Art. 148(5): a period
 * whose last day is a weekend or holiday ends at the end of the next working day.
 */
export function rollToWorkingDay(date: string, holidays: Holidays): string {
  const cal = toCalendar(holidays);
  let d = date;
  while (!isWorkingDay(d, cal)) d = addCalendarDays(d, 1);
  return d;
}
