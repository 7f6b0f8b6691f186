/** Dates as Vietnamese users read them: dd/mm/yyyy, in Asia/Ho_Chi_Minh. */
const TZ = 'Asia/Ho_Chi_Minh';
// Building an Intl formatter costs far more than using one (it loads locale and time-zone data):
// made once here, not on every call — todayVn alone runs several times per submitted report.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false
});
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TZ });
const NUMBER = new Intl.NumberFormat('vi-VN');

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' ('' for null). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** 'YYYY-MM' → 'mm/yyyy', as a month is written here ('' for null). */
export function formatMonth(ym: string | null | undefined): string {
  if (!ym) return '';
  return `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;
}

/** ISO instant → 'dd/mm/yyyy HH:mm' in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = DATE_TIME.formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/**
 * 'dd/mm/yyyy' (also d/m/yyyy, dd-mm-yyyy, or ISO 'YYYY-MM-DD' from <input type=date>)
 * → 'YYYY-MM-DD', or null when it is not a real calendar date.
 */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = s.match(/^(\d{4})-(\d{2})-(\d{2})$/)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export function todayVn(now: Date = new Date()): string {
  return ISO_DAY.format(now);
}

/** 1234567 → '1.234.567' (Vietnamese thousands separator). */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}
