/**
 * Every .xlsx the app writes stores its dates as real Excel dates (shown dd/mm/yyyy), never as
 * text: each export is opened with exceljs, every date column's cells must be Date values with
 * a date format, and no cell anywhere may hold a date written as text.
 */
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { setPublic } from '../../src/lib/server/reports/public/public.service';
import { reportQuerySchema } from '../../src/lib/server/reports/public/public.schema';
import { openDataXlsx } from '../../src/lib/server/public/open-data.service';
import { exportXlsx } from '../../src/lib/server/reports/public/export.service';
import { exportModelsXlsx } from '../../src/lib/server/program/models/model-export.service';
import { activityTable, commitmentTable, toXlsx } from '../../src/lib/server/program/activities/export-program.service';
import { activityQuerySchema } from '../../src/lib/server/program/activities/activity-filter';
import { readCommitmentQuery } from '../../src/lib/server/program/commitments/commitment-filter';
import { renderAnnex } from '../../src/lib/server/documents';
import { day, momentOf } from '../../src/lib/server/xlsx/cells';

const DATE_TEXT = /^(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})/;
const DATE_HEADER = /ngày|thời điểm|hạn/i;

/** Opens the file and checks its date cells; returns how many real dates it held. */
async function datesIn(buf: Buffer, headerRow = 1): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  let dates = 0;
  for (const ws of wb.worksheets) {
    const header = ws.getRow(headerRow);
    const dateCols = new Set<number>();
    header.eachCell((c, col) => {
      if (DATE_HEADER.test(String(c.value))) dateCols.add(col);
    });
    ws.eachRow((row, r) => {
      row.eachCell((c, col) => {
        if (typeof c.value === 'string') expect(c.value, `${ws.name}!R${r}C${col}`).not.toMatch(DATE_TEXT);
        if (r <= headerRow || !dateCols.has(col) || c.value === null || c.value === '') return;
        expect(c.value, `${ws.name}!R${r}C${col}`).toBeInstanceOf(Date);
        expect(c.numFmt).toMatch(/^dd\/mm\/yyyy/);
        dates++;
      });
    });
  }
  return dates;
}

forEachDb('dates in every .xlsx export', (ctx) => {
  beforeAll(async () => {
    await seedDemo(ctx.db);
    const id = (await createTestReport(ctx.db, { description: 'Ngày thật trong bảng tính' })).id;
    await setPublic(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), id, true);
  });
  const query = reportQuerySchema.parse({});

  it.each([
    ['open data', async () => openDataXlsx(ctx.db, query)],
    ['officer report export', async () => exportXlsx(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), query)],
    ['models', async () => exportModelsXlsx(ctx.db, await actorFor(ctx.db, 'canbo.tinh'), {})],
    [
      'activities',
      async () =>
        toXlsx(await activityTable(ctx.db, await actorFor(ctx.db, 'canbo.tinh'), activityQuerySchema.parse({})))
    ],
    [
      'commitments',
      async () =>
        toXlsx(
          await commitmentTable(
            ctx.db,
            await actorFor(ctx.db, 'canbo.tinh'),
            readCommitmentQuery(new URLSearchParams())
          )
        )
    ]
  ])('%s: date columns hold real dates', async (_name, build) => {
    expect(await datesIn(await build())).toBeGreaterThan(0);
  });

  it('reporting annex: day and date-time cells are real dates, numbers keep their format', async () => {
    const buf = await renderAnnex({
      issuer: 'Hội Người cao tuổi tỉnh Lai Châu',
      sheets: [
        {
          name: 'Phụ lục I',
          title: 'PHỤ LỤC I',
          columns: [{ title: 'TT' }, { title: 'Hoạt động' }, { title: 'Ngày' }, { title: 'Thời điểm nhận' }],
          rows: [[1, 'Trồng cây', day('2026-03-05'), momentOf('2026-03-05T02:15:00Z')]]
        }
      ]
    });
    expect(await datesIn(buf, 4)).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRow(5);
    expect(row.getCell(3).value).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(row.getCell(4).value).toEqual(new Date('2026-03-05T09:15:00Z'));
    expect(row.getCell(4).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(row.getCell(1).numFmt).toBe('#,##0');
  });
});
