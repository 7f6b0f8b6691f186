/**
 * A day as people type it on a phone: "1/12", "01122026", "1-12-2026", "1.12.26", "hôm qua".
 * Day first, as Vietnamese write dates; a missing year is this year; two-digit years are
 * 20yy. Relative words count back from `today` (Vietnam's date, 'YYYY-MM-DD').
 */
import { parseDate } from './format';
import { fold } from './text';

const RELATIVE: Record<string, number> = {
  'hom nay': 0,
  'bua nay': 0,
  today: 0,
  'hom qua': 1,
  yesterday: 1,
  'hom kia': 2
};

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const pad = (n: string) => n.padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? `20${y}` : y);

/** 'YYYY-MM-DD', or null when the text is not a real calendar day. */
export function parseDayInput(input: string, today: string): string | null {
  const text = fold(input).replace(/\s+/g, ' ').trim();
  if (text in RELATIVE) return shiftDays(today, RELATIVE[text]);
  const year = today.slice(0, 4);
  let m = text.match(/^(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?$/);
  if (m) return parseDate(`${pad(m[1])}/${pad(m[2])}/${m[3] ? fullYear(m[3]) : year}`);
  // Digits only: ddmmyyyy, ddmmyy or ddmm.
  if ((m = text.match(/^(\d{2})(\d{2})(\d{4}|\d{2})?$/)))
    return parseDate(`${m[1]}/${m[2]}/${m[3] ? fullYear(m[3]) : year}`);
  return parseDate(text);
}
