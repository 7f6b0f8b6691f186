/**
 * The Decree-30 form as LibreOffice prints it: A4, margins, Times New Roman (Liberation
 * Serif, metric-compatible), national title and motto, issuer block, number and date lines,
 * recipients, signatures, page numbers from page 2; a joint document with both issuers; a
 * draft's open number; annex tables in Times New Roman on a landscape page. One conversion
 * batch for all of them (each file costs about a second).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS, renderAnnex, renderDocx } from '../../src/lib/server/documents';
import { docxXml, issuerFor, sampleSpec } from '../support/documents';
import { MM, convert, pdfFonts, pdfInfo, pdfText, pdfTextBox, type Converted } from '../support/libreoffice';

const hoi = issuerFor('org-hoi');
const so = issuerFor('org-so', {
  name: 'Sở Nông nghiệp và Môi trường tỉnh Lai Châu',
  parent: 'Ủy ban nhân dân tỉnh Lai Châu',
  symbol: 'SNNMT'
});
const report = sampleSpec([hoi]);
const joint = sampleSpec([hoi, so], {
  kind: KINDS.CTr,
  subject: 'Phối hợp tuyên truyền bảo vệ môi trường giai đoạn 2026 - 2030',
  signers: [
    { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Lê Văn Cường' }
  ]
});
const letter = sampleSpec([hoi], { kind: KINDS.CV, subject: 'chuyển phản ánh vi phạm', body: [] });

let files: Record<string, Buffer>;
let pdf: Converted;

beforeAll(async () => {
  files = {
    'report.docx': await renderDocx(report, { number: 5, date: '2026-03-05' }),
    'joint.docx': await renderDocx(joint, { number: 1, date: '2026-01-09' }),
    'draft.docx': await renderDocx(letter, { number: null, date: null, draftYear: 2026 }),
    'annex.xlsx': await renderAnnex({
      issuer: hoi.name,
      sheets: [
        {
          name: 'Phụ lục I',
          title: 'PHỤ LỤC I',
          subtitle: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
          columns: [{ title: 'TT', width: 5 }, { title: 'Chỉ tiêu', width: 40 }, { title: 'Kết quả' }],
          rows: [
            [1, 'Số buổi tuyên truyền', 42],
            [2, 'Số lượt người nghe tuyên truyền', 2150]
          ],
          landscape: true
        }
      ]
    })
  };
  pdf = await convert(files);
}, 120_000);
afterAll(() => pdf?.cleanup());

describe('a report', () => {
  it('is A4 portrait with Decree-30 margins, in Times New Roman', async () => {
    const info = await pdfInfo(pdf.out('report.docx'));
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
    const box = await pdfTextBox(pdf.out('report.docx'), 2);
    expect(box.xMin).toBeGreaterThanOrEqual(30 * MM - 1); // left 30–35 mm
    expect(box.xMin).toBeLessThanOrEqual(35 * MM);
    expect(info.width - box.xMax).toBeGreaterThanOrEqual(15 * MM - 1); // right 15–20 mm
    expect(info.width - box.xMax).toBeLessThanOrEqual(20 * MM);
    const fonts = await pdfFonts(pdf.out('report.docx'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.startsWith('LiberationSerif'))).toBe(true);

    const xml = await docxXml(files['report.docx']);
    const doc = xml['word/document.xml'];
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = doc.match(/<w:pgMar ([^>]*)\/>/)![1];
    const twips = (side: string) => Number(margin.match(new RegExp(`w:${side}="(\\d+)"`))![1]) / 56.7;
    expect([twips('top'), twips('bottom'), twips('left'), twips('right')].map(Math.round)).toEqual([20, 20, 30, 15]);
    expect(xml['word/styles.xml']).toMatch(/w:ascii="Times New Roman"/);
    expect(xml['word/styles.xml']).toMatch(/<w:sz w:val="28"\/>/); // 14 pt body
    expect(doc).toMatch(/<w:jc w:val="both"\/>/);
    expect(doc).toMatch(/w:firstLine="720"/);
  });

  it('has the national title, motto, issuer block, number, place and date, type and subject', async () => {
    const first = await pdfText(pdf.out('report.docx'), 1);
    const lines = first.split('\n').map((l) => l.trim());
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toMatch(/TRUNG ƯƠNG HỘI NGƯỜI CAO TUỔI[\s\S]*VIỆT NAM[\s\S]*HỘI NGƯỜI CAO TUỔI\s+TỈNH LAI CHÂU/);
    expect(first).toMatch(/Số: 05\/BC-HNCT\s+Lai Châu, ngày 05 tháng 3 năm 2026/);
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain('Kết quả thực hiện Chương trình phối hợp quý I năm 2026');
    // national title and motto are bold, the parent body is not: check the runs in the XML
    const doc = (await docxXml(files['report.docx']))['word/document.xml'];
    const runOf = (text: string) =>
      doc
        .slice(0, doc.indexOf(`>${text}<`))
        .split('<w:r>')
        .pop()!;
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toContain('<w:b/>');
    expect(runOf('Độc lập - Tự do - Hạnh phúc')).toContain('<w:b/>');
    expect(runOf('TỈNH LAI CHÂU')).toContain('<w:b/>');
    expect(runOf('TRUNG ƯƠNG HỘI NGƯỜI CAO TUỔI VIỆT NAM')).not.toContain('<w:b/>');
    expect(runOf('Lai Châu, ngày 05 tháng 3 năm 2026')).toContain('<w:i/>');
  });

  it('numbers pages from page 2, centred in the top margin', async () => {
    const [one, two] = [await pdfText(pdf.out('report.docx'), 1), await pdfText(pdf.out('report.docx'), 2)];
    const head = (t: string) =>
      t
        .split('\n')
        .find((l) => l.trim())!
        .trim();
    expect(head(one)).not.toMatch(/^\d+$/);
    expect(head(two)).toBe('2');
    const xml = await docxXml(files['report.docx']);
    expect(xml['word/document.xml']).toContain('<w:titlePg/>');
    expect(Object.values(xml).some((x) => x.includes('PAGE') && x.includes('<w:hdr'))).toBe(true);
  });

  it('ends with the recipients, "Lưu: VT" and the signature block', async () => {
    const text = await pdfText(pdf.out('report.docx'));
    expect(text).toMatch(/Nơi nhận:\s+TM\. BAN THƯỜNG VỤ/);
    expect(text).toContain('- Trung ương Hội NCT Việt Nam;');
    expect(text).toContain('- Lưu: VT, VP.');
    expect(text).toMatch(/CHỦ TỊCH[\s\S]+Nguyễn Văn Bình/);
  });
});

describe('a joint document', () => {
  it('shows both issuers, the number from the lead issuer and a signature block for each', async () => {
    const text = await pdfText(pdf.out('joint.docx'));
    expect(text).toMatch(/HỘI NGƯỜI CAO TUỔI[\s\S]+SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG/);
    expect(text).toMatch(/Số: 01\/CTr-HNCT-SNNMT\s+Lai Châu, ngày 09 tháng 01 năm 2026/);
    expect(text).toMatch(/KT\. GIÁM ĐỐC\s+TM\. BAN THƯỜNG VỤ/); // co-issuer left, lead right
    expect(text).toMatch(/Lê Văn Cường\s+Nguyễn Văn Bình/);
  });
});

describe('a draft công văn', () => {
  it('leaves the number and the day open and puts its subject under the number', async () => {
    const text = await pdfText(pdf.out('draft.docx'));
    expect(text).toMatch(/Số: …\/HNCT\s+Lai Châu, ngày … tháng … năm 2026/);
    expect(text).toContain('V/v chuyển phản ánh vi phạm');
  });
});

describe('annex tables', () => {
  it('print on a landscape A4 page in Times New Roman, one page wide', async () => {
    const info = await pdfInfo(pdf.out('annex.xlsx'));
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 595]);
    const fonts = await pdfFonts(pdf.out('annex.xlsx'));
    expect(fonts.every((f) => f.startsWith('LiberationSerif'))).toBe(true);
    const text = await pdfText(pdf.out('annex.xlsx'));
    expect(text).toContain('PHỤ LỤC I');
    expect(text).toMatch(/Số lượt người nghe tuyên truyền\s+2[.,]150/);
  });
});
