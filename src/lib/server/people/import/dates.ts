/**
 * Dates as member lists hold them: real Excel dates (already dd/mm/yyyy here), typed text in
 * any common form, a bare serial number when the cell lost its date format, a month and
 * year, or just a year. Everything becomes 'YYYY-MM-DD' or null.
 */
import { fold } from '$lib/shared/text';
import type { DateParts } from '$lib/shared/date-field';

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** Two-digit years: '55' is 1955 and '15' is 2015 (never in the future). */
const fullYear = (yy: number, currentYear: number) => yy + (2000 + yy > currentYear ? 1900 : 2000);

/** Excel's day numbers count from 30/12/1899 (1900 date system). */
function fromSerial(n: number): string | null {
  if (n < 1 || n > 80_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 10);
}

const cellText = (input: string) =>
  fold(input)
    .replace(/^ngay\s+/, '')
    .replace(/\s*(thang|nam)\s*/g, '/')
    .replace(/\s+/g, '')
    .replace(/^\/|\/$/g, '');

const parts = (d: string | number, m: string | number, y: string | number): DateParts => ({
  day: String(d).padStart(2, '0'),
  month: String(m).padStart(2, '0'),
  year: String(y)
});

/**
 * The day, month and year a cell names (a month and year is its first day, a year its 1 January),
 * before any calendar check, so a refused "31/02/2010" can say February has no 31st. Null for a
 * cell not shaped like a date, and for a bare Excel serial number (it has no parts to get wrong).
 */
export function looseDateParts(input: string, currentYear = new Date().getUTCFullYear()): DateParts | null {
  const s = cellText(input);
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/))) return parts(m[1], m[2], m[3]);
  if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/))) return parts(m[1], m[2], fullYear(+m[3], currentYear));
  if ((m = s.match(/^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(t.*)?$/))) return parts(m[3], m[2], m[1]);
  if ((m = s.match(/^(\d{2})(\d{2})(\d{4})$/))) return parts(m[1], m[2], m[3]);
  if ((m = s.match(/^(\d{1,2})[/.-](\d{4})$/))) return parts(1, m[1], m[2]);
  if ((m = s.match(/^(\d{4})$/))) return parts(1, 1, m[1]);
  return null;
}

export function parseLooseDate(input: string, currentYear = new Date().getUTCFullYear()): string | null {
  const serial = cellText(input).match(/^(\d{5})(\.\d+)?$/);
  if (serial) return fromSerial(+serial[1]);
  const p = looseDateParts(input, currentYear);
  return p ? iso(+p.year, +p.month, +p.day) : null;
}

/** A birth year from a year, a full date in any form above, or a two-digit year. */
export function parseBirthYear(input: string, currentYear = new Date().getUTCFullYear()): number | null {
  const s = input.trim();
  const year = /^\d{2}$/.test(s) ? fullYear(+s, currentYear) : Number(parseLooseDate(s, currentYear)?.slice(0, 4));
  return year >= 1900 && year <= currentYear ? year : null;
}
