/** Helpers for tests of generated documents: a tiny spec, and reading a .docx's XML. */
import JSZip from 'jszip';
import { KINDS, h1, p, table, type DocumentSpec, type Issuer } from '../../src/lib/server/documents';

export function issuerFor(organisationId: string, over: Partial<Issuer> = {}): Issuer {
  return {
    organisationId,
    name: 'Hội Người cao tuổi tỉnh Lai Châu',
    parent: 'Trung ương Hội Người cao tuổi Việt Nam',
    symbol: 'HNCT',
    place: 'Lai Châu',
    ...over
  };
}

/** A report long enough to run onto a second page. */
export function sampleSpec(issuers: Issuer[], over: Partial<DocumentSpec> = {}): DocumentSpec {
  const para = (i: number) =>
    p(
      `Đoạn ${i}: Trong kỳ, Hội đã tổ chức 42 buổi tuyên truyền với 2.150 lượt người tham dự, phần lớn là người cao tuổi ở các bản vùng cao.`
    );
  return {
    kind: KINDS.BC,
    issuers,
    subject: 'Kết quả thực hiện Chương trình phối hợp quý I năm 2026',
    body: [
      h1('I. ĐẶC ĐIỂM TÌNH HÌNH'),
      ...Array.from({ length: 16 }, (_, i) => para(i + 1)),
      table({
        columns: [{ title: 'Chỉ tiêu', width: 4 }, { title: 'Kết quả' }],
        rows: [['Số buổi tuyên truyền', 42]]
      })
    ],
    signers: issuers.map(() => ({ authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Bình' })),
    recipients: ['Trung ương Hội NCT Việt Nam'],
    archive: ['VP'],
    ...over
  };
}

/** The XML parts of a .docx (document, headers, settings) by name. */
export async function docxXml(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml')))
    out[name] = await zip.file(name)!.async('string');
  return out;
}

/** The visible text of word/document.xml, runs joined per paragraph. */
export async function docxText(bytes: Buffer): Promise<string> {
  const xml = (await docxXml(bytes))['word/document.xml'];
  return xml
    .split('</w:p>')
    .map((para) => [...para.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}
