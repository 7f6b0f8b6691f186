/**
 * A submitted report as it leaves the office, opened with LibreOffice: the numbered .docx in
 * the Decree-30 form (A4, Times New Roman, national title and motto, "Số: 01/BC-…", place and
 * date, the outline, Nơi nhận, page numbers from page 2), and the annex whose numbers equal
 * the figures the report froze.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-repdoc-'));
});

import { freshDb } from '../support/db';
import { convert, pdfFonts, pdfInfo, pdfText, type Converted } from '../support/libreoffice';
import { SYSTEM } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import { createActivity } from '../../src/lib/server/program/activities/activity.service';
import { createReport, reportView, saveNarrative } from '../../src/lib/server/reporting/report.service';
import { submitReport } from '../../src/lib/server/reporting/review.service';
import { reportFiles } from '../../src/lib/server/reporting/report.document';
import { narrativeSchema } from '../../src/lib/server/reporting/report.schema';
import { sampleDocuments } from '../../src/lib/server/reporting/sample.service';
import { docxText } from '../support/documents';
import { activity, actorWith, makeOrg, makeUnit } from './program-support';

let db: Db;
let close: () => Promise<void>;
let pdf: Converted;
let csv: Converted;
let figures: Awaited<ReturnType<typeof reportView>>['frozen'];

const LONG = Array.from(
  { length: 12 },
  (_, i) =>
    `Đoạn ${i + 1}: các chi hội đã vận động hội viên người cao tuổi tham gia giữ gìn vệ sinh môi trường bản, suối.`
).join('\n');

beforeAll(async () => {
  ({ db, close } = await freshDb('sqlite'));
  const pu = await makeUnit(db, { level: 'province', name: 'Lai Châu', parent_id: null });
  const cu = await makeUnit(db, { level: 'commune', name: 'Bình Lư', parent_id: pu });
  const province = await makeOrg(db, 'Hội Người cao tuổi tỉnh Lai Châu', null, pu);
  const commune = await makeOrg(db, 'Hội Người cao tuổi xã Bình Lư', province, cu);
  for (const [d, n] of [
    ['2026-01-10', '1200'],
    ['2026-02-03', '950']
  ])
    await createActivity(
      db,
      SYSTEM,
      activity({ organisation_id: commune, admin_unit_id: cu, started_on: d, count_total: n })
    );
  const officer = actorWith('association_officer', commune);
  const id = await createReport(db, officer, {
    organisation_id: commune,
    report_kind: 'periodic',
    period_kind: 'quarter',
    year: 2026,
    period_index: 1,
    start_on: null,
    end_on: null
  });
  const draft = await reportView(db, officer, id);
  await saveNarrative(
    db,
    officer,
    id,
    narrativeSchema.parse({ ...draft.narrative, situation: LONG, directions: LONG })
  );
  await submitReport(db, officer, id, new Date('2026-03-05T02:00:00Z'));
  const files = await reportFiles(db, officer, id);
  figures = files.view.frozen;
  expect(files.number).toBe('01/BC-HNCT');
  pdf = await convert({ 'report.docx': files.docx });
  // UTF-8 (filter option 76), comma-separated, so Vietnamese names read back as typed
  csv = await convert({ 'annex.xlsx': files.annex }, 'csv:Text - txt - csv (StarCalc):44,34,76');
}, 180_000);

afterAll(async () => {
  pdf?.cleanup();
  csv?.cleanup();
  await close?.();
});

describe('the issued report', () => {
  it('is A4 in Times New Roman with the national title, motto, number, place and date', async () => {
    const info = await pdfInfo(pdf.out('report.docx'));
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect((await pdfFonts(pdf.out('report.docx'))).every((f) => f.startsWith('LiberationSerif'))).toBe(true);
    const first = await pdfText(pdf.out('report.docx'), 1);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toMatch(/HỘI NGƯỜI CAO TUỔI[\s\S]*TỈNH LAI CHÂU[\s\S]*XÃ BÌNH LƯ/);
    expect(first).toMatch(/Số: 01\/BC-HNCT\s+Bình Lư, ngày 05 tháng 3 năm 2026/);
    expect(first).toContain('Kết quả công tác Hội quý I năm 2026');
    expect(first).toContain('I. ĐẶC ĐIỂM TÌNH HÌNH');
  });

  it('carries the outline, the figures, Nơi nhận and page numbers from page 2', async () => {
    const text = await pdfText(pdf.out('report.docx'));
    for (const h of [
      'II. KẾT QUẢ THỰC HIỆN',
      '2. Công tác tuyên truyền',
      'III. ĐÁNH GIÁ',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ'
    ])
      expect(text).toContain(h);
    expect(text).toContain('tổ chức 2 buổi tuyên truyền với 2.150 lượt người tham dự');
    expect(text).toMatch(/Số lượt người nghe tuyên\s+[\s\S]*?2[.,]150/);
    expect(text).toMatch(/Nơi nhận:/);
    expect(text).toContain('- Hội Người cao tuổi tỉnh Lai Châu;');
    expect(text).toContain('- Lưu: VT.');
    const second = await pdfText(pdf.out('report.docx'), 2);
    expect(
      second
        .split('\n')
        .find((l) => l.trim())!
        .trim()
    ).toBe('2');
  });
});

/** One CSV line's cells (quoted cells may hold commas: "2,150"). */
const cells = (line: string) =>
  line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));

describe('its annex', () => {
  it('quotes the report number and the same numbers the report froze', async () => {
    const { readFileSync } = await import('node:fs');
    const rows = readFileSync(`${csv.dir}/out/annex.csv`, 'utf8').split('\n');
    expect(rows.join('\n')).toContain('Kèm theo Báo cáo số 01/BC-HNCT ngày 05/03/2026');
    for (const f of figures!.figures) {
      const row = rows.map(cells).find((r) => r[1] === f.name);
      expect(row, f.name).toBeDefined();
      // printed with the thousands separator of the sheet's number format
      expect(Number(row![3].replace(/[.,\s]/g, ''))).toBe(f.value);
    }
    expect(figures!.figures.find((f) => f.code === 'outreach_participants')!.value).toBe(2150);
  });
});

describe('the template sample (documents sample --out DIR)', () => {
  it("writes the top association's draft report and annex without numbering anything", async () => {
    const sample = (await sampleDocuments(db, '2026-05-20'))!;
    expect(sample.org).toBe('Hội Người cao tuổi tỉnh Lai Châu');
    const text = await docxText(sample.files['bao-cao.docx']);
    expect(text).toContain('Số: …/BC-HNCT');
    expect(text).toContain('Kết quả công tác Hội quý II năm 2026');
    expect(sample.files['bao-cao-phu-luc.xlsx'].subarray(0, 2).toString()).toBe('PK');
    const register = await db.selectFrom('issued_document').select('number_text').execute();
    expect(register.map((r) => r.number_text)).toEqual(['01/BC-HNCT']); // only the submitted report
  });
});
