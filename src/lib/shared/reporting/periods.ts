/**
 * Reporting periods. By default the data cut-off of Decree 09/2019/NĐ-CP applies: a period
 * runs from the 15th of the month before it starts to the 14th of its last month (the annual
 * report: 15/12 of the previous year to 14/12), so a report can be written and sent in the
 * days after the cut-off. An organisation may choose calendar periods instead. Program
 * reviews (sơ kết, tổng kết) take any date range inside the program's period.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const CUTOFFS = ['decree09', 'calendar'] as const;
export type Cutoff = (typeof CUTOFFS)[number];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** month 1–12, quarter 1–4, half 1–2; 1 for nine months, a year and a range */
  index: number;
  /** first and last day, inclusive, 'YYYY-MM-DD' */
  start: string;
  end: string;
}

/** Days after the cut-off by which a report is due (sent "on time"). */
export const DUE_DAYS = 5;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First and last month (1–12) a period of the year covers. */
function monthSpan(kind: PeriodKind, index: number): [number, number] {
  switch (kind) {
    case 'month':
      return [index, index];
    case 'quarter':
      return [3 * index - 2, 3 * index];
    case 'half':
      return index === 1 ? [1, 6] : [7, 12];
    case 'nine_months':
      return [1, 9];
    default:
      return [1, 12];
  }
}

const MAX_INDEX: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, nine_months: 1, year: 1, range: 1 };

export function validIndex(kind: PeriodKind, index: number): boolean {
  return Number.isInteger(index) && index >= 1 && index <= MAX_INDEX[kind];
}

/** The dates of a standard period ('range' periods are given, see rangePeriod). */
export function periodOf(kind: Exclude<PeriodKind, 'range'>, year: number, index: number, cutoff: Cutoff): Period {
  if (!validIndex(kind, index)) throw new RangeError(`bad period index ${kind} ${index}`);
  const [first, last] = monthSpan(kind, index);
  if (cutoff === 'calendar') {
    return { kind, year, index, start: iso(year, first, 1), end: iso(year, last, lastDay(year, last)) };
  }
  // The 15th of the month before the first month (Date.UTC rolls month 0 back to December).
  return { kind, year, index, start: iso(year, first - 1, 15), end: iso(year, last, 14) };
}

export function rangePeriod(start: string, end: string): Period {
  return { kind: 'range', year: Number(end.slice(0, 4)), index: 1, start, end };
}

export const addDays = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return iso(y, m, d + days);
};

export const dueOn = (p: Pick<Period, 'end'>) => addDays(p.end, DUE_DAYS);

/**
 * The pre-aggregates hold calendar months. A period counts the months whose last day falls
 * inside it: the months fully closed by its cut-off. Consecutive periods therefore share no
 * month, and a report frozen on the day after its cut-off already has every month it counts.
 * Null when no month ends inside the period (a range shorter than a month).
 */
export function aggregateMonths(p: Pick<Period, 'start' | 'end'>): { from: string; to: string } | null {
  let [y, m] = p.start.split('-').map(Number);
  const months: string[] = [];
  for (;;) {
    const end = iso(y, m, lastDay(y, m));
    if (end > p.end) break;
    if (end >= p.start) months.push(`${y}-${pad(m)}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months.length ? { from: months[0], to: months[months.length - 1] } : null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How the period is named in a report's title: "quý I năm 2026", "6 tháng đầu năm 2026". */
export function periodTitle(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `tháng ${p.index} năm ${p.year}`;
    case 'quarter':
      return `quý ${ROMAN[p.index - 1]} năm ${p.year}`;
    case 'half':
      return p.index === 1 ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
    case 'nine_months':
      return `9 tháng năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
    default:
      return `từ ngày ${dmy(p.start)} đến ngày ${dmy(p.end)}`;
  }
}

export const dmy = (isoDate: string) => isoDate.slice(0, 10).split('-').reverse().join('/');

/** The standard period that contains `date` (e.g. to propose the report that is due). */
export function periodContaining(kind: Exclude<PeriodKind, 'range'>, date: string, cutoff: Cutoff): Period {
  const y = Number(date.slice(0, 4));
  for (const year of [y, y + 1]) {
    for (let i = 1; i <= MAX_INDEX[kind]; i++) {
      const p = periodOf(kind, year, i, cutoff);
      if (p.start <= date && date <= p.end) return p;
    }
  }
  throw new RangeError(`no period for ${date}`);
}
