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

/**
 * The day, month and year typed (a missing year is `today`'s), before any calendar check — so a
 * refused "31/2" can be told as "February has no 31st"; null when it is not shaped like a day.
 */
export function dayInputParts(input: string, today: string): { day: string; month: string; year: string } | null {
  const text = fold(input).replace(/\s+/g, ' ').trim();
  const year = (y: string | undefined) => (y ? fullYear(y) : today.slice(0, 4));
  // Separated: d/m, d/m/yy, d-m-yyyy, d.m.yy, "d m yyyy"; digits only: ddmmyyyy, ddmmyy or ddmm.
  const m =
    text.match(/^(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?$/) ?? text.match(/^(\d{2})(\d{2})(\d{4}|\d{2})?$/);
  if (m) return { day: pad(m[1]), month: pad(m[2]), year: year(m[3]) };
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return iso ? { day: iso[3], month: iso[2], year: iso[1] } : null;
}

/** 'YYYY-MM-DD', or null when the text is not a real calendar day. */
export function parseDayInput(input: string, today: string): string | null {
  const text = fold(input).replace(/\s+/g, ' ').trim();
  if (text in RELATIVE) return shiftDays(today, RELATIVE[text]);
  const p = dayInputParts(text, today);
  return p ? parseDate(`${p.day}/${p.month}/${p.year}`) : null;
}
