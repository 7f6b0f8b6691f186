/**
 * Spreadsheet cells: dates are real Excel dates shown dd/mm/yyyy (exceljs and LibreOffice
 * both read them back as that day), text is never a formula and never corrupts the file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addTableSheet, day, dayOf, momentOf, safeText, textValue } from '../../src/lib/server/xlsx/cells';
import { convert } from '../support/libreoffice';

async function build(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addTableSheet(wb, {
    sheet: 'Thử: ngày/tháng',
    header: ['Ngày', 'Tạo lúc', 'Lúc', 'Ghi chú', 'Số'],
    rows: [
      [day('2026-02-28'), dayOf('2026-03-01T18:30:00Z'), momentOf('2026-03-01T18:30:00Z'), '=1+2', 7],
      [day(null), null, null, 'Bell\u0007 ok', null],
      [day('2024-02-29'), null, null, 'Nga\u0300y', 0]
    ]
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx cells', () => {
  it('reads back in exceljs as real dates with a dd/mm/yyyy format and text as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await build()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Thử  ngày tháng');
    const a = ws.getRow(2);
    expect(a.getCell(1).value).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(a.getCell(1).numFmt).toBe('dd/mm/yyyy');
    // 18:30 UTC is already the next day in Vietnam
    expect(a.getCell(2).value).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(a.getCell(3).value).toEqual(new Date('2026-03-02T01:30:00Z'));
    expect(a.getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(a.getCell(4).value).toBe('=1+2');
    expect(a.getCell(4).formula).toBeUndefined();
    expect(a.getCell(1).font).toMatchObject({ name: 'Times New Roman' });
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(ws.getRow(3).getCell(1).value).toBeNull();
    expect(ws.getRow(3).getCell(4).value).toBe('Bell ok');
    expect(ws.getRow(4).getCell(4).value).toBe('Ngày');
  });

  it('LibreOffice opens the file and shows the dates as dd/mm/yyyy, the formula-looking text as typed', async () => {
    // UTF-8 (76), comma-separated, cells as shown (the formatted text, not the serial)
    const lo = await convert(
      { 'cells.xlsx': await build() },
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true'
    );
    try {
      const csv = readFileSync(path.join(lo.dir, 'out', 'cells.csv'), 'utf8')
        .trim()
        .split(/\r?\n/);
      expect(csv[0]).toBe('Ngày,Tạo lúc,Lúc,Ghi chú,Số');
      expect(csv[1]).toBe('28/02/2026,02/03/2026,02/03/2026 01:30,=1+2,7');
      expect(csv[3]).toBe('29/02/2024,,,Ngày,0');
    } finally {
      lo.cleanup();
    }
  });

  it('CSV and page copies show the same day as text', () => {
    expect(textValue(day('2026-12-01'))).toBe('01/12/2026');
    expect(textValue(momentOf('2026-12-01T03:05:00Z'))).toBe('01/12/2026 10:05');
    expect(textValue(null)).toBe('');
    expect(textValue(12)).toBe('12');
    expect(day('not a date')).toBeNull();
    expect(safeText('a\u0000b\u001Fc\td')).toBe('abc\td');
  });
});
