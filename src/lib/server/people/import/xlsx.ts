/** Reads the first worksheet of an .xlsx into plain strings, keeping Excel's row numbers. */
import ExcelJS from 'exceljs';

export interface Sheet {
  /** header texts, index = column index (0-based) */
  headers: string[];
  /** Excel row number of the header row */
  headerRow: number;
  rows: { rowNumber: number; cells: string[] }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Any exceljs cell value → the text a person sees in the cell. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives dates as UTC midnight of the calendar day shown in Excel.
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

export class SheetError extends Error {}

/**
 * The header row is the first row with at least two filled cells (offices often put a title
 * line above the table). Rows after it keep their Excel numbers for error messages.
 */
export async function readSheet(data: ArrayBuffer | Uint8Array): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      data instanceof Uint8Array
        ? (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
        : data
    );
  } catch {
    throw new SheetError('unreadable');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError('empty');
  let headers: string[] | null = null;
  let headerRow = 0;
  const rows: Sheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (!headers) {
      if (cells.filter(Boolean).length >= 2) {
        headers = cells;
        headerRow = rowNumber;
      }
      return;
    }
    if (cells.some(Boolean)) rows.push({ rowNumber, cells });
  });
  if (!headers) throw new SheetError('empty');
  return { headers, headerRow, rows };
}
