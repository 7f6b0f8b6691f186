/**
 * The fixed parts of a Decree-30 document: the header (issuer block beside the national
 * title and motto, then the number beside the place and date), the type name and subject,
 * and the closing (recipients beside one signature block per issuer).
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { caps, dateLine, documentNumber, numberLine } from '../format';
import type { DocumentSpec, Numbering, Signer } from '../spec';
import { NO_BORDERS, SIZE, centred, rule, run, textWidthMm, twip } from './style';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const cell = (widthMm: number, children: Paragraph[], top = true) =>
  new TableCell({
    width: { size: twip(widthMm), type: WidthType.DXA },
    verticalAlign: top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    children
  });

const grid = (widths: number[], rows: TableCell[][]) =>
  new Table({
    width: { size: twip(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((cells) => new TableRow({ children: cells }))
  });

function columns(spec: DocumentSpec): [number, number] {
  const total = textWidthMm(spec.landscape);
  const left = spec.landscape ? 110 : 75;
  return [left, total - left];
}

/** Issuer block: the body above (not bold), then the issuing body (bold); a rule below. */
function issuerBlock(spec: DocumentSpec, widthMm: number): Paragraph[] {
  const lines: Paragraph[] = [];
  // A joint document names only the issuing bodies; a single issuer shows the body above it too.
  const joint = spec.issuers.length > 1;
  for (const i of spec.issuers) {
    if (i.parent && !joint) lines.push(...nameLines(i.parent).map((l) => centred(l, { size: SIZE.header })));
    lines.push(...nameLines(i.name).map((l) => centred(l, { size: SIZE.header, bold: true })));
  }
  return [...lines, rule(widthMm, Math.min(30, widthMm / 2.5))];
}

const PLACE = /\s(?=(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)\s)/i;

/** A long name breaks before its place, as offices print it: "HỘI NGƯỜI CAO TUỔI" / "TỈNH LAI CHÂU". */
export function nameLines(name: string): string[] {
  const upper = caps(name);
  const at = upper.length > 28 ? name.search(PLACE) : -1;
  return at > 0 ? [upper.slice(0, at).trim(), upper.slice(at).trim()] : [upper];
}

function nationalBlock(widthMm: number): Paragraph[] {
  return [
    centred(NATIONAL_TITLE, { size: SIZE.header, bold: true }),
    centred(MOTTO, { size: SIZE.motto, bold: true }),
    rule(widthMm, 58)
  ];
}

export function headerTable(spec: DocumentSpec, n: Numbering): Table {
  const [left, right] = columns(spec);
  const number = documentNumber(
    n.number,
    spec.kind,
    spec.issuers.map((i) => i.symbol),
    spec.unit
  );
  const numberCell = [centred(numberLine(number), { size: SIZE.header })];
  // A công văn has no type name: its subject sits under the number ("V/v …").
  if (!spec.kind.titled) numberCell.push(centred(`V/v ${spec.subject}`, { size: SIZE.table }));
  const place = dateLine(spec.issuers[0].place, n.date, n.draftYear);
  return grid(
    [left, right],
    [
      [cell(left, issuerBlock(spec, left)), cell(right, nationalBlock(right))],
      [cell(left, numberCell), cell(right, [centred(place, { italic: true, size: SIZE.body })])]
    ]
  );
}

/** Type name in capitals and the subject, bold and centred, with a short rule under the subject. */
export function titleBlock(spec: DocumentSpec): Paragraph[] {
  if (!spec.kind.titled) return [new Paragraph({ spacing: { before: 240 }, children: [] })];
  return [
    centred(caps(spec.kind.name), { bold: true, size: SIZE.title }, { spacing: { before: 360, after: 0 } }),
    ...spec.subject.split('\n').map((l) => centred(l, { bold: true, size: SIZE.title })),
    rule(textWidthMm(spec.landscape), 40)
  ];
}

function signatureBlock(s: Signer): Paragraph[] {
  const lines = [s.authority, s.title].filter((l): l is string => !!l).map((l) => centred(caps(l), { bold: true }));
  const space = [1, 2, 3, 4].map(() => centred(''));
  return [...lines, ...space, centred(s.name, { bold: true })];
}

function recipientsBlock(spec: DocumentSpec): Paragraph[] {
  const left = (text: string, style: Parameters<typeof run>[1]) =>
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(text, style)] });
  const items = spec.recipients.map((r) => `- ${r};`);
  const archive = `- Lưu: ${['VT', ...(spec.archive ?? [])].join(', ')}.`;
  return [
    left('Nơi nhận:', { bold: true, italic: true, size: SIZE.receivedLabel }),
    ...[...items, archive].map((l) => left(l, { size: SIZE.received }))
  ];
}

/**
 * Recipients on the left, the signature on the right. A joint document puts one signature
 * block per issuer on a row above (the lead issuer on the right), then the recipients.
 */
export function closing(spec: DocumentSpec): Table[] {
  const total = textWidthMm(spec.landscape);
  const half = total / 2;
  const spacer = new Paragraph({ spacing: { before: 240 }, children: [] });
  if (spec.signers.length <= 1) {
    const sign = spec.signers[0] ? signatureBlock(spec.signers[0]) : [];
    return [grid([half, half], [[cell(half, [spacer, ...recipientsBlock(spec)]), cell(half, [spacer, ...sign])]])];
  }
  const ordered = [...spec.signers].reverse();
  const width = total / ordered.length;
  return [
    grid(
      ordered.map(() => width),
      [ordered.map((s) => cell(width, [spacer, ...signatureBlock(s)]))]
    ),
    grid([half, half], [[cell(half, [spacer, ...recipientsBlock(spec)]), cell(half, [])]])
  ];
}

export const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
