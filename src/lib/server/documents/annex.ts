/**
 * Statistical annex tables (phụ lục) as .xlsx. Every cell is Times New Roman (a cell left in
 * the default font would print in another face); each sheet fits the page width when
 * printed (A4, portrait or landscape), repeats its column header on every page, and shows
 * whole numbers with the Vietnamese thousands separator. Dates are real Excel dates, written
 * through the same cells module as every other export (xlsx/cells.ts).
 */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, DATE_TIME_FORMAT, FONT, SheetDate, excelValue } from '$lib/server/xlsx/cells';
import type { Cell } from './spec';

/** An annex cell: a table cell, or a day / date-time (cells.ts `day`, `dayOf`, `momentOf`). */
export type AnnexCell = Cell | SheetDate;

export interface AnnexColumn {
  title: string;
  /** width in characters (default 14; the first text column usually wider) */
  width?: number;
  kind?: 'text' | 'number' | 'decimal' | 'date';
}

export interface AnnexSheet {
  /** sheet tab name (shortened and cleaned to Excel's rules) */
  name: string;
  /** "PHỤ LỤC I" */
  title: string;
  /** "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUÝ I NĂM 2026" */
  subtitle?: string;
  /** "(Kèm theo Báo cáo số 05/BC-HNCT ngày 05/3/2026 của Hội Người cao tuổi tỉnh Lai Châu)" */
  reference?: string;
  columns: AnnexColumn[];
  rows: AnnexCell[][];
  totals?: AnnexCell[];
  notes?: string[];
  landscape?: boolean;
}

export interface AnnexSpec {
  /** issuing body, printed top left in capitals */
  issuer?: string;
  sheets: AnnexSheet[];
}

const FORMATS = { number: '#,##0', decimal: '#,##0.0', text: '@', date: DATE_FORMAT } as const;

const kindOf = (col: AnnexColumn, v: AnnexCell): keyof typeof FORMATS =>
  v instanceof SheetDate ? 'date' : (col.kind ?? (typeof v === 'number' ? 'number' : 'text'));
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };

export function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Phụ lục';
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base} ${i}`;
  used.add(out);
  return out;
}

function titleRow(ws: ExcelJS.Worksheet, text: string, span: number, font: Partial<ExcelJS.Font>): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, span);
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.getCell(1).font = { name: FONT, size: 13, ...font };
}

function addSheet(wb: ExcelJS.Workbook, spec: AnnexSpec, s: AnnexSheet, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(s.name, used), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: s.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 }
    }
  });
  const span = s.columns.length;
  if (spec.issuer) titleRow(ws, spec.issuer.toLocaleUpperCase('vi'), span, { bold: true, size: 12 });
  titleRow(ws, s.title, span, { bold: true });
  if (s.subtitle) titleRow(ws, s.subtitle, span, { bold: true });
  if (s.reference) titleRow(ws, s.reference, span, { italic: true, size: 12 });
  ws.addRow([]);
  const header = ws.addRow(s.columns.map((c) => c.title));
  header.eachCell((c) => {
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BOX;
  });
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  const body = (cells: AnnexCell[], bold: boolean) => {
    const row = ws.addRow(cells.map(excelValue));
    s.columns.forEach((col, i) => {
      const c = row.getCell(i + 1);
      const v = cells[i] ?? null;
      const kind = kindOf(col, v);
      c.font = { name: FONT, size: 12, bold };
      c.border = BOX;
      c.numFmt = v instanceof SheetDate && v.withTime ? DATE_TIME_FORMAT : FORMATS[kind];
      c.alignment = { horizontal: kind === 'text' ? 'left' : 'right', vertical: 'middle', wrapText: true };
    });
  };
  for (const r of s.rows) body(r, false);
  if (s.totals) body(s.totals, true);
  for (const note of s.notes ?? []) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, span);
    row.getCell(1).font = { name: FONT, size: 11, italic: true };
  }
  s.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? 14));
  // Rows added empty (the spacer) still get the font, so nothing prints in Calibri.
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      if (c.font?.name !== FONT) c.font = { ...c.font, name: FONT, size: c.font?.size ?? 12 };
    })
  );
}

export async function renderAnnex(spec: AnnexSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  const used = new Set<string>();
  for (const s of spec.sheets) addSheet(wb, spec, s, used);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
