/**
 * Cell values shared by every spreadsheet the app writes. Dates are real Excel dates (a
 * serial number shown as dd/mm/yyyy), so an office can sort and filter by them; text stays
 * text (never a formula, never a character that makes the file unreadable), and CSV copies of
 * the same rows show the dates as Vietnamese users read them.
 */
import type ExcelJS from 'exceljs';
import { formatDate, formatDateTime, todayVn } from '$lib/shared/format';

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const FONT = 'Times New Roman'; // ships Vietnamese glyphs on every office PC

/** A calendar day ('YYYY-MM-DD') or a local Vietnam date-time, written as a real Excel date. */
export class SheetDate {
  constructor(
    /** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' in Vietnam time */
    readonly local: string
  ) {}
  get withTime(): boolean {
    return this.local.length > 10;
  }
  /**
   * Excel has no time zones: exceljs turns a JS Date into a serial from its UTC fields, so the
   * Vietnam wall-clock is stored as if it were UTC and opens as the same day and hour.
   */
  toExcel(): Date {
    return new Date(`${this.local.length > 10 ? this.local : `${this.local}T00:00`}:00Z`);
  }
  toText(): string {
    return this.withTime ? `${formatDate(this.local)} ${this.local.slice(11, 16)}` : formatDate(this.local);
  }
}

export type SheetValue = string | number | null | SheetDate;

/** A calendar day column ('YYYY-MM-DD' from the database); null stays an empty cell. */
export function day(iso: string | null | undefined): SheetDate | null {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? new SheetDate(iso.slice(0, 10)) : null;
}

/** The Vietnam calendar day of an instant (a created_at timestamp). */
export function dayOf(instant: string | null | undefined): SheetDate | null {
  return instant ? new SheetDate(todayVn(new Date(instant))) : null;
}

/** The Vietnam date and time (to the minute) of an instant. */
export function momentOf(instant: string | null | undefined): SheetDate | null {
  if (!instant) return null;
  const [d, t] = formatDateTime(instant).split(' ');
  const [dd, mm, yyyy] = d.split('/');
  return new SheetDate(`${yyyy}-${mm}-${dd}T${t}`);
}

// Characters XML 1.0 forbids: one of them in a cell makes Excel refuse the whole file.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as a plain string cell: NFC, without characters that would corrupt the file. */
export function safeText(s: string): string {
  return s.normalize('NFC').replace(XML_INVALID, '');
}

/** The value exceljs should store. Strings are always strings, so "=…" is never evaluated. */
export function excelValue(v: SheetValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (v instanceof SheetDate) return v.toExcel();
  if (typeof v === 'number') return v;
  return safeText(v);
}

/** The same value in a CSV or a page: dates as dd/mm/yyyy (HH:mm). */
export function textValue(v: SheetValue): string {
  if (v === null) return '';
  if (v instanceof SheetDate) return v.toText();
  return String(v);
}

/**
 * Appends a row of values and gives each date cell its display format; returns the row so
 * callers can style it.
 */
export function addValues(ws: ExcelJS.Worksheet, values: SheetValue[]): ExcelJS.Row {
  const row = ws.addRow(values.map(excelValue));
  values.forEach((v, i) => {
    if (v instanceof SheetDate) row.getCell(i + 1).numFmt = v.withTime ? DATE_TIME_FORMAT : DATE_FORMAT;
  });
  return row;
}

export interface SheetTable {
  sheet: string;
  header: string[];
  rows: SheetValue[][];
  /** column widths in characters; the default for the rest */
  widths?: Record<number, number>;
  defaultWidth?: number;
}

/** A one-table sheet as the office expects: frozen bold header, Times New Roman throughout. */
export function addTableSheet(wb: ExcelJS.Workbook, t: SheetTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }]
  });
  addValues(ws, t.header).font = { name: FONT, size: 12, bold: true };
  for (const r of t.rows) addValues(ws, r).font = { name: FONT, size: 12 };
  for (let i = 1; i <= t.header.length; i++) ws.getColumn(i).width = t.widths?.[i - 1] ?? t.defaultWidth ?? 18;
  return ws;
}
