/**
 * Uploaded spreadsheets are parsed off the main thread and refused when they are bombs: the
 * declared sizes are checked before anything inflates, rows and columns are capped while
 * streaming, and the server's event loop keeps running during a parse.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkZip } from '../../src/lib/server/xlsx/zip-guard';
import { readRawRows, READ_LIMITS, SheetReadError } from '../../src/lib/server/xlsx/sheet-reader';
import { bombXlsx } from '../support/zip';

async function sheet(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('A');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e) => (e instanceof SheetReadError ? e.reason : `crashed: ${String(e)}`)
  );

describe('spreadsheet reader', () => {
  it('reads a normal sheet in the worker: texts, NFC, real dates as dd/mm/yyyy, numbers as typed', async () => {
    const rows = await readRawRows(
      await sheet([
        ['Họ và tên', 'Ngày'],
        ['Lo\u0300 Thi\u0323 A', new Date(Date.UTC(2015, 2, 5))],
        [],
        [912345678, 1.5]
      ])
    );
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Họ và tên', 'Ngày'] },
      { rowNumber: 2, cells: ['Lò Thị A', '05/03/2015'] },
      { rowNumber: 4, cells: ['912345678', '1.5'] }
    ]);
  });

  it.each([
    [
      'an honest bomb: 300 000 rows declared (≈ 30 MB of XML in a few hundred KB)',
      () => bombXlsx(300_000),
      'too_large'
    ],
    ['a bomb that lies about its size (a corrupt zip)', () => bombXlsx(20_000, { lie: true }), 'unreadable'],
    ['not a zip at all', () => Buffer.from('not a spreadsheet'), 'not_zip'],
    ['a truncated zip', () => bombXlsx(10).subarray(0, 200), 'not_zip']
  ])('refuses %s', async (_name, make, reason) => {
    expect(await refusal(readRawRows(make()))).toBe(reason);
  });

  it('caps columns, and declared sizes before inflating', async () => {
    const wide = await sheet([Array.from({ length: 80 }, (_, i) => `c${i}`)]);
    expect(await refusal(readRawRows(wide))).toBe('too_many_columns');
    expect(checkZip(wide, { totalBytes: 100, entryBytes: 100, entries: 50 })).toEqual({
      ok: false,
      reason: 'too_large'
    });
    expect(checkZip(wide)).toMatchObject({ ok: true });
  });

  it('a parse that outgrows its time or its row cap is refused, and the server lives on', async () => {
    const big = bombXlsx(60_000);
    expect(await refusal(readRawRows(big, { ...READ_LIMITS, rows: 1_000_000, timeoutMs: 1 }))).toBe('too_large');
    // Should a bomb ever get past the size check, the row cap and the deadline still stop it.
    const unchecked = { totalBytes: 1e9, entryBytes: 1e9, entries: 500 };
    expect(await refusal(readRawRows(bombXlsx(20_000), READ_LIMITS, unchecked))).toBe('too_many_rows');
    expect(await refusal(readRawRows(bombXlsx(5), { ...READ_LIMITS }))).toBe('accepted');
  });

  it('other work keeps being served while a large file is parsed', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    let done = false;
    const parsing = readRawRows(bombXlsx(9_000), { ...READ_LIMITS }).finally(() => (done = true));
    // Another request's work runs before the parse answers: the main thread is free.
    await new Promise((resolve) => setImmediate(resolve));
    const servedDuringParse = !done;
    await parsing;
    clearInterval(timer);
    expect(servedDuringParse).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });
});
