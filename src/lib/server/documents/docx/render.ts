/**
 * Lays a DocumentSpec out as a Decree-30 .docx: A4 (portrait unless the spec asks for
 * landscape), Times New Roman, body justified with a first-line indent, page numbers centred
 * in the top margin from page 2 (the first page has its own, empty, header).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType
} from 'docx';
import { formatNumber } from '$lib/shared/format';
import type { Block, Cell, DocumentSpec, Numbering, Run } from '../spec';
import { ALIGN, closing, headerTable, titleBlock } from './parts';
import { A4_MM, FONT, MARGIN_MM, SIZE, run, textWidthMm, twip } from './style';

const INDENT = twip(12.7);
const BODY_SPACING = { before: 120, after: 0, line: 288 }; // 6 pt before, 1.2 lines

const runs = (rs: Run[]) => rs.map((r) => run(r.text, { bold: r.bold, italic: r.italic }));

function bodyParagraph(children: TextRun[], align: keyof typeof JUSTIFY = 'justify'): Paragraph {
  return new Paragraph({
    alignment: JUSTIFY[align],
    indent: align === 'justify' ? { firstLine: INDENT } : undefined,
    spacing: BODY_SPACING,
    children
  });
}
const JUSTIFY = { justify: AlignmentType.JUSTIFIED, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

const cellText = (v: Cell) => (v === null ? '' : typeof v === 'number' ? formatNumber(v) : v);
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableBlock(b: Extract<Block, { type: 'table' }>, landscape?: boolean): (Paragraph | Table)[] {
  const width = textWidthMm(landscape);
  const weights = b.columns.map((c) => c.width ?? 1);
  const sum = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => twip((width * w) / sum));
  const row = (cells: Cell[], bold: boolean) =>
    new TableRow({
      tableHeader: bold && cells === header,
      children: cells.map(
        (v, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            margins: { left: 60, right: 60, top: 20, bottom: 20 },
            children: [
              new Paragraph({
                alignment:
                  bold && cells === header
                    ? AlignmentType.CENTER
                    : ALIGN[b.columns[i]?.align ?? (typeof v === 'number' ? 'right' : 'left')],
                children: [run(cellText(v), { bold, size: SIZE.table })]
              })
            ]
          })
      )
    });
  const header = b.columns.map((c) => c.title);
  const rows = [row(header, true), ...b.rows.map((r) => row(r, false)), ...(b.totals ? [row(b.totals, true)] : [])];
  const caption = b.caption ? [bodyParagraph([run(b.caption, { bold: true })], 'center')] : [];
  return [
    ...caption,
    new Table({
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
      rows
    }),
    new Paragraph({ spacing: { before: 60, after: 0 }, children: [] })
  ];
}

function block(b: Block, landscape?: boolean): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [bodyParagraph([run(b.text, { bold: b.level < 3, italic: b.level === 3 })])];
    case 'paragraph':
      return [bodyParagraph(runs(b.runs), b.align)];
    case 'bullets':
      return b.items.map((i) => bodyParagraph([run(`- ${i}`)]));
    case 'table':
      return tableBlock(b, landscape);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Page number, centred in the top margin; used from page 2 on. */
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.pageNumber })]
      })
    ]
  });

export function buildDocument(spec: DocumentSpec, n: Numbering): Document {
  return new Document({
    creator: spec.issuers[0]?.name ?? 'Chung Sức',
    title: `${spec.kind.name} ${spec.subject}`.slice(0, 250),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twip(A4_MM.width),
              height: twip(A4_MM.height),
              orientation: spec.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT
            },
            margin: {
              top: twip(MARGIN_MM.top),
              bottom: twip(MARGIN_MM.bottom),
              left: twip(MARGIN_MM.left),
              right: twip(MARGIN_MM.right),
              header: twip(MARGIN_MM.header),
              footer: twip(MARGIN_MM.header)
            }
          }
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [
          headerTable(spec, n),
          ...titleBlock(spec),
          ...spec.body.flatMap((b) => block(b, spec.landscape)),
          ...closing(spec)
        ]
      }
    ]
  });
}

/** The .docx bytes of a spec: a draft (number and date null) or an issued document. */
export async function renderDocx(spec: DocumentSpec, n: Numbering = { number: null, date: null }): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(spec, n));
}
