/**
 * A report upward as an official document (Decree 30/2020): the .docx in the usual outline
 * with the figures table, and its statistical annex (.xlsx) with the same numbers, per
 * indicator and per member organisation. A submitted report uses its frozen figures, a draft
 * the live ones; a report not yet in the register prints "Số: …/BC-…".
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import {
  KINDS,
  h1,
  h2,
  issuerAndSigner,
  paragraphs,
  renderAnnex,
  renderDocx,
  table,
  type AnnexSpec,
  type Block,
  type DocumentSpec,
  documentsFor,
  issuedFile
} from '$lib/server/documents';

/** What issued documents of a report are linked to in the register. */
export const LINK = 'periodic_report';
import { OUTLINE, type Narrative } from '$lib/shared/reporting/sections';
import type { Figures } from '$lib/shared/reporting/figures';
import { dmy } from '$lib/shared/reporting/periods';
import { loadReport, reportView, type ReportView } from './report.service';
import * as repo from './reporting.repository';
import { day } from '$lib/server/xlsx/cells';

const pct = (n: number | null) => (n === null ? '' : n);

function figureTable(f: Figures): Block {
  return table({
    caption: 'Kết quả thực hiện các chỉ tiêu',
    columns: [
      { title: 'TT', width: 0.6, align: 'center' },
      { title: 'Chỉ tiêu', width: 4 },
      { title: 'Đơn vị tính', width: 1.4, align: 'center' },
      { title: 'Kết quả', width: 1.3, align: 'right' },
      { title: 'Kế hoạch năm', width: 1.3, align: 'right' },
      { title: 'Tỷ lệ (%)', width: 1.1, align: 'right' }
    ],
    rows: f.figures.map((x, i) => [i + 1, x.name, x.unit, x.value, x.target, pct(x.percent)])
  });
}

/**
 * The sanction decisions under "4. Phát hiện, phản ánh vi phạm và kết quả xử lý": the body
 * states what was handled, not only the annex (the reader of the report rarely opens it).
 */
function sanctionTable(f: Figures): Block[] {
  const list = f.sanctions ?? [];
  if (!list.length) return [];
  return [
    table({
      caption: 'Kết quả xử lý vi phạm qua phản ánh của Nhân dân',
      columns: [
        { title: 'TT', width: 0.6, align: 'center' },
        { title: 'Đơn vị', width: 2.4 },
        { title: 'Số quyết định', width: 1.6 },
        { title: 'Ngày quyết định', width: 1.3, align: 'center' },
        { title: 'Số tiền phạt (đồng)', width: 1.4, align: 'right' },
        { title: 'Biện pháp khắc phục hậu quả', width: 2.7 }
      ],
      rows: list.map((x, i) => [
        i + 1,
        x.commune,
        x.decisionNo,
        x.decisionDate ? dmy(x.decisionDate) : '',
        x.fineVnd,
        x.remedies
      ]),
      totals: ['', 'Tổng cộng', '', '', list.reduce((t, x) => t + x.fineVnd, 0), '']
    })
  ];
}

function body(narrative: Narrative, figures: Figures): Block[] {
  const out: Block[] = [];
  for (const part of OUTLINE) {
    out.push(h1(part.heading));
    for (const s of part.sections) {
      if (s.heading) out.push(h2(s.heading));
      out.push(...paragraphs(narrative[s.key]));
      if (s.key === 'violations') out.push(...sanctionTable(figures));
    }
    if (part.heading.startsWith('II.')) out.push(figureTable(figures));
  }
  return out;
}

export interface ReportContent {
  orgId: string;
  title: string;
  start: string;
  end: string;
  narrative: Narrative;
  figures: Figures;
}

export const contentOf = (view: ReportView): ReportContent => ({
  orgId: view.report.organisation.id,
  title: view.report.title,
  start: view.report.start,
  end: view.report.end,
  narrative: view.narrative,
  figures: view.frozen ?? view.live
});

export async function reportSpec(db: Db, c: ReportContent): Promise<DocumentSpec> {
  const { issuer, signer } = await issuerAndSigner(db, c.orgId);
  const org = await repo.findOrg(db, c.orgId);
  const parent = org?.parent_id ? await repo.findOrg(db, org.parent_id) : null;
  return {
    kind: KINDS.BC,
    issuers: [issuer],
    subject: c.title,
    body: body(c.narrative, c.figures),
    signers: [signer],
    recipients: parent ? [parent.name] : [],
    archive: []
  };
}

export function reportAnnex(
  c: Pick<ReportContent, 'start' | 'end' | 'figures'>,
  issuer: string,
  reference?: string
): AnnexSpec {
  const f = c.figures;
  const children = f.figures[0]?.children ?? [];
  const period = `từ ngày ${dmy(c.start)} đến ngày ${dmy(c.end)}`;
  const sheets: AnnexSpec['sheets'] = [
    {
      name: 'Phụ lục I',
      title: 'PHỤ LỤC I',
      subtitle: `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (${period.toLocaleUpperCase('vi')})`,
      reference,
      columns: [
        { title: 'TT', width: 5 },
        { title: 'Chỉ tiêu', width: 40, kind: 'text' },
        { title: 'Đơn vị tính', width: 12, kind: 'text' },
        { title: 'Kết quả', kind: 'number' },
        { title: 'Kế hoạch năm', kind: 'number' },
        { title: 'Tỷ lệ (%)', kind: 'decimal' }
      ],
      rows: f.figures.map((x, i) => [i + 1, x.name, x.unit, x.value, x.target, x.percent])
    }
  ];
  if (children.length) {
    const codes = f.figures.filter((x) => x.children.length);
    sheets.push({
      name: 'Phụ lục II',
      title: 'PHỤ LỤC II',
      subtitle: 'KẾT QUẢ THEO ĐƠN VỊ TRỰC THUỘC',
      reference,
      landscape: true,
      columns: [
        { title: 'TT', width: 5 },
        { title: 'Đơn vị', width: 32, kind: 'text' },
        ...codes.map((x) => ({ title: `${x.name} (${x.unit})`, kind: 'number' as const }))
      ],
      // matched by id: a figure's rows may come from another source than the first figure's
      rows: children.map((c, i) => [
        i + 1,
        c.name,
        ...codes.map((x) => x.children.find((y) => y.id === c.id)?.value ?? 0)
      ]),
      totals: ['', 'Tổng cộng', ...codes.map((x) => x.children.reduce((s, c) => s + c.value, 0))]
    });
  }
  const sanctions = f.sanctions ?? [];
  if (sanctions.length) {
    const n = ROMAN[sheets.length];
    sheets.push({
      name: `Phụ lục ${n}`,
      title: `PHỤ LỤC ${n}`,
      subtitle: 'KẾT QUẢ XỬ LÝ VI PHẠM QUA PHẢN ÁNH CỦA NHÂN DÂN',
      reference,
      landscape: true,
      columns: [
        { title: 'TT', width: 5 },
        { title: 'Đơn vị', width: 28, kind: 'text' },
        { title: 'Số quyết định', width: 18, kind: 'text' },
        { title: 'Ngày quyết định', width: 14, kind: 'date' },
        { title: 'Số tiền phạt (đồng)', width: 16, kind: 'number' },
        { title: 'Biện pháp khắc phục hậu quả', width: 40, kind: 'text' }
      ],
      rows: sanctions.map((x, i) => [
        i + 1,
        x.commune,
        x.decisionNo,
        day(x.decisionDate) ?? x.decisionDate,
        x.fineVnd,
        x.remedies
      ]),
      totals: ['', 'Tổng cộng', '', null, sanctions.reduce((t, x) => t + x.fineVnd, 0), '']
    });
  }
  return { issuer, sheets };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "(Kèm theo Báo cáo số 05/BC-HNCT ngày 19/3/2026 của …)" under the annex titles. */
export const annexReference = (numberText: string, issuedOn: string, issuer: string) =>
  `(Kèm theo Báo cáo số ${numberText} ngày ${dmy(issuedOn)} của ${issuer})`;

/**
 * The files issued in the register for a submitted report (exactly as they went out), for a
 * reader in scope; null while it is a draft or returned (its files are made by a job:
 * report-jobs.service.ts). Reads no figures, so it answers at once.
 */
export async function issuedReportFiles(db: Db, actor: Actor, id: string) {
  const row = await loadReport(db, actor, id);
  if (row.status === 'draft' || row.status === 'returned') return null;
  const issued = (await documentsFor(db, LINK, [id])).sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : -1));
  const last = issued.find((d) => d.typeCode === KINDS.BC.code);
  if (!last) return null;
  const [docx, annex] = await Promise.all([
    issuedFile(db, actor, last.id, 'docx'),
    issuedFile(db, actor, last.id, 'annex')
  ]);
  return { number: last.numberText, docx: docx.body, annex: annex.body };
}

/**
 * The report's .docx and annex as a reader in scope may download them: the files issued in
 * the register when it was submitted (exactly as they went out), else a draft rendered now
 * (seconds for a province's tổng kết: the pages ask the document worker for it).
 */
export async function reportFiles(db: Db, actor: Actor, id: string) {
  const issued = await issuedReportFiles(db, actor, id);
  const view = await reportView(db, actor, id);
  if (issued) return { view, ...issued };
  const c = contentOf(view);
  const spec = await reportSpec(db, c);
  const [docx, annex] = await Promise.all([
    renderDocx(spec, { number: null, date: null, draftYear: Number(c.end.slice(0, 4)) }),
    renderAnnex(reportAnnex(c, spec.issuers[0].name))
  ]);
  return { view, number: null, docx, annex };
}
