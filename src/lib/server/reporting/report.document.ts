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
  type DocumentSpec
} from '$lib/server/documents';
import { OUTLINE, type Narrative } from '$lib/shared/reporting/sections';
import type { Figures } from '$lib/shared/reporting/figures';
import { dmy } from '$lib/shared/reporting/periods';
import { reportView, type ReportView } from './report.service';
import * as repo from './reporting.repository';

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

function body(narrative: Narrative, figures: Figures): Block[] {
  const out: Block[] = [];
  for (const part of OUTLINE) {
    out.push(h1(part.heading));
    for (const s of part.sections) {
      if (s.heading) out.push(h2(s.heading));
      out.push(...paragraphs(narrative[s.key]));
    }
    if (part.heading.startsWith('II.')) out.push(figureTable(figures));
  }
  return out;
}

export async function reportSpec(db: Db, view: ReportView): Promise<DocumentSpec> {
  const orgId = view.report.organisation.id;
  const { issuer, signer } = await issuerAndSigner(db, orgId);
  const org = await repo.findOrg(db, orgId);
  const parent = org?.parent_id ? await repo.findOrg(db, org.parent_id) : null;
  return {
    kind: KINDS.BC,
    issuers: [issuer],
    subject: view.report.title,
    body: body(view.narrative, view.frozen ?? view.live),
    signers: [signer],
    recipients: parent ? [parent.name] : [],
    archive: []
  };
}

export function reportAnnex(view: ReportView, issuer: string, reference?: string): AnnexSpec {
  const f = view.frozen ?? view.live;
  const children = f.figures[0]?.children ?? [];
  const period = `từ ngày ${dmy(view.report.start)} đến ngày ${dmy(view.report.end)}`;
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
      rows: children.map((c, i) => [i + 1, c.name, ...codes.map((x) => x.children[i]?.value ?? 0)]),
      totals: ['', 'Tổng cộng', ...codes.map((x) => x.children.reduce((s, c) => s + c.value, 0))]
    });
  }
  return { issuer, sheets };
}

/** The report's .docx and annex, as a reader in scope may download them. */
export async function reportFiles(db: Db, actor: Actor, id: string) {
  const view = await reportView(db, actor, id);
  const spec = await reportSpec(db, view);
  const [docx, annex] = await Promise.all([
    renderDocx(spec, { number: null, date: null, draftYear: Number(view.report.end.slice(0, 4)) }),
    renderAnnex(reportAnnex(view, spec.issuers[0].name))
  ]);
  return { view, docx, annex };
}
