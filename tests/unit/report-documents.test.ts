/**
 * The yearly plan, the joint cooperation program and the forwarding slip as they leave the
 * office, issued from the demo data and opened with LibreOffice: A4 portrait, margins, Times
 * New Roman, national title and motto, the number pattern, place and date, the outline,
 * Nơi nhận with "- Lưu: VT", page numbers from page 2; the joint program with both issuers in
 * the header, both symbols in the number from the lead's register, and a signature block each.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'cs-progdoc-'));
});

import { freshDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { createTestReport } from '../support/reports-factory';
import { docxText } from '../support/documents';
import { MM, convert, pdfFonts, pdfInfo, pdfText, pdfTextBox, type Converted } from '../support/libreoffice';
import type { Db } from '../../src/lib/server/db';
import { isAppError } from '../../src/lib/server/errors';
import { listPlans } from '../../src/lib/server/program/plans/plan.service';
import {
  issuePlan,
  issueProgram,
  planFile,
  programFile,
  programSamples
} from '../../src/lib/server/program/documents/documents.service';
import { forwardReport } from '../../src/lib/server/reports/workflow/association.service';
import { slipFile, slipSample } from '../../src/lib/server/reports/workflow/slip.service';

let db: Db;
let close: () => Promise<void>;
let pdf: Converted;
const numbers: Record<string, string> = {};
const at = (d: string) => new Date(`${d}T09:00:00+07:00`);
const FILES = ['plan.docx', 'program.docx', 'slip.docx'] as const;

beforeAll(async () => {
  ({ db, close } = await freshDb('sqlite'));
  await seedDemo(db);
  const province = await actorFor(db, 'canbo.tinh');
  const hoiTinh = await orgId(db, 'Hội Người cao tuổi tỉnh Lai Châu');
  const plan = (await listPlans(db, province, { year: 2026 })).find((p) => p.organisation_id === hoiTinh)!;
  const program = (await db
    .selectFrom('program')
    .select('id')
    .where('period_from', '=', '2022-01-01')
    .executeTakeFirstOrThrow())!;
  numbers.plan = (await issuePlan(db, province, plan.id, at('2026-01-05'))).numberText;
  numbers.program = (await issueProgram(db, province, program.id, at('2026-02-03'))).numberText;
  const commune = await actorFor(db, 'canbo.doanket');
  const report = (await createTestReport(db)).id;
  const rangers = await orgId(db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
  await forwardReport(
    db,
    commune,
    report,
    { agency_org_id: rangers, doc_no: null, doc_date: null, note: '' },
    at('2026-03-09')
  );
  const files = {
    'plan.docx': (await planFile(db, province, plan.id)).body,
    'program.docx': (await programFile(db, province, program.id)).body,
    'slip.docx': (await slipFile(db, commune, report, null)).body
  };
  pdf = await convert(files);
  numbers.slip = (await docxText(files['slip.docx'])).match(/Số: (\S+)/)![1];
}, 240_000);

afterAll(async () => {
  pdf?.cleanup();
  await close?.();
});

describe('every generated document', () => {
  it.each(FILES)('%s is A4 portrait in Times New Roman within the Decree-30 margins', async (name) => {
    const info = await pdfInfo(pdf.out(name));
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
    expect((await pdfFonts(pdf.out(name))).every((f) => f.startsWith('LiberationSerif'))).toBe(true);
    const box = await pdfTextBox(pdf.out(name), 1);
    expect(box.xMin).toBeGreaterThanOrEqual(30 * MM - 1);
    expect(info.width - box.xMax).toBeGreaterThanOrEqual(15 * MM - 1);
    expect(box.yMin).toBeGreaterThanOrEqual(20 * MM - 1);
  });

  it.each(FILES)('%s carries the national title, motto, Nơi nhận and "- Lưu: VT"', async (name) => {
    const text = await pdfText(pdf.out(name));
    const first = await pdfText(pdf.out(name), 1);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Nơi nhận:/);
    expect(text).toMatch(/- Lưu: VT[,.]/);
    const info = await pdfInfo(pdf.out(name));
    if (info.pages > 1) {
      const second = await pdfText(pdf.out(name), 2);
      expect(
        second
          .split('\n')
          .find((l) => l.trim())!
          .trim()
      ).toBe('2');
      expect(
        first
          .split('\n')
          .find((l) => l.trim())!
          .trim()
      ).not.toBe('1');
    }
  });
});

describe('the yearly plan', () => {
  it('is numbered in the association register with its date and the three-part outline', async () => {
    expect(numbers.plan).toMatch(/^0[1-9]\/KH-HNCT$/);
    const text = await pdfText(pdf.out('plan.docx'));
    expect(text).toContain(`Số: ${numbers.plan}`);
    expect(text).toContain('Lai Châu, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('KẾ HOẠCH');
    for (const h of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN']) expect(text).toContain(h);
    // the province's own 2026 targets from the demo plan
    expect(text).toMatch(/Số buổi tuyên[\s\S]*?40/);
    expect(text).toMatch(/2[.,]000/);
  });
});

describe('the joint cooperation program', () => {
  it('names both issuers, takes its number from the lead with both symbols, and has two signature blocks', async () => {
    expect(numbers.program).toMatch(/^0[1-9]\/CTr-HNCT-SNNMT$/);
    const first = await pdfText(pdf.out('program.docx'), 1);
    expect(first).toMatch(/HỘI NGƯỜI CAO TUỔI[\s\S]*TỈNH LAI CHÂU/);
    expect(first).toMatch(/SỞ NÔNG NGHIỆP VÀ MÔI[\s\S]*TRƯỜNG/);
    expect(first).toContain(`Số: ${numbers.program}`);
    expect(first).toContain('Lai Châu, ngày 03 tháng 02 năm 2026');
    expect(first).toContain('CHƯƠNG TRÌNH');
    const text = await pdfText(pdf.out('program.docx'));
    expect(text).toContain('TM. BAN THƯỜNG VỤ');
    expect(text).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(text).toContain('II. NỘI DUNG PHỐI HỢP');
  });

  it('is issued only by officers managing the lead issuer', async () => {
    const program = await db
      .selectFrom('program')
      .select('id')
      .where('period_from', '=', '2022-01-01')
      .executeTakeFirstOrThrow();
    const commune = await actorFor(db, 'canbo.doanket');
    const err = await issueProgram(db, commune, program.id).catch((e) => e);
    expect(isAppError(err) && ['FORBIDDEN', 'NOT_FOUND'].includes(err.code)).toBe(true);
  });
});

describe('the forwarding slip', () => {
  it('is a phiếu chuyển of the commune association addressed to the agency', async () => {
    expect(numbers.slip).toMatch(/^0[1-9]\/PC-HNCT$/);
    const text = await pdfText(pdf.out('slip.docx'));
    expect(text).toContain('PHIẾU CHUYỂN');
    expect(text).toMatch(/Đoàn Kết, ngày 09 tháng 3 năm 2026/);
    expect(text).toContain('Kính gửi: Chi cục Kiểm lâm tỉnh Lai Châu.');
    expect(text).toContain('- Chi cục Kiểm lâm tỉnh Lai Châu;');
  });
});

describe('the template sample (documents sample --out DIR)', () => {
  it('adds a draft plan, joint program and forwarding slip without numbering anything', async () => {
    const before = await db
      .selectFrom('issued_document')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const files = { ...(await programSamples(db)), ...(await slipSample(db)) };
    expect(Object.keys(files).sort()).toEqual(['chuong-trinh-lien-tich.docx', 'ke-hoach.docx', 'phieu-chuyen.docx']);
    expect(await docxText(files['ke-hoach.docx'])).toContain('Số: …/KH-HNCT');
    expect(await docxText(files['chuong-trinh-lien-tich.docx'])).toContain('Số: …/CTr-HNCT-SNNMT');
    const slip = await docxText(files['phieu-chuyen.docx']);
    expect(slip).toContain('Số: …/PC-HNCT');
    // A made-up case, never a stored citizen's words, even where reports exist.
    expect(slip).toContain('Nội dung phản ánh mẫu');
    const stored = await db.selectFrom('report').select('description').execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const r of stored) expect(slip).not.toContain(r.description);
    const after = await db
      .selectFrom('issued_document')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(after!.n)).toBe(Number(before!.n));
  });
});
