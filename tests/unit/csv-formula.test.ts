/** CSV exports never hand a spreadsheet a formula typed by a reporter. */
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/lib/server/csv';
import { forEachDb } from '../support/db';
import { actorFor, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { exportCsv } from '../../src/lib/server/reports/public/export.service';
import { reportQuerySchema } from '../../src/lib/server/reports/public/public.schema';

describe('csvField', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Bấm")', `"'=HYPERLINK(""http://evil.example"",""Bấm"")"`],
    ['+84 912', "'+84 912"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['Đổ rác, cạnh suối', '"Đổ rác, cạnh suối"'],
    ['Bình thường', 'Bình thường']
  ])('%j → %s', (text, expected) => expect(csvField(text)).toBe(expected));

  it('keeps negative numbers as numbers', () => expect(csvField('-5', true)).toBe('-5'));
});

forEachDb('report CSV export', (ctx) => {
  beforeAll(() => seedDemo(ctx.db));

  it('writes a formula-looking description as text', async () => {
    const description = `=cmd|'/C calc'!A0 ${Math.random().toString(36).slice(2, 8)}`;
    await createTestReport(ctx.db, { description });
    const csv = await exportCsv(ctx.db, await actorFor(ctx.db, 'canbo.doanket'), reportQuerySchema.parse({}));
    const line = csv.split('\r\n').find((l) => l.includes(description.slice(-6)))!;
    expect(line).toContain(`'${description}`);
    expect(line).not.toMatch(/(^|,)=cmd/);
  });
});
