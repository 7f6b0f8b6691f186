/**
 * The Decree-30 page and type (Phụ lục I): A4, Times New Roman, margins top/bottom 20 mm,
 * left 30 mm, right 15 mm (inside the 20–25 / 30–35 / 15–20 mm ranges), body 14 pt, header
 * lines 12–13 pt, recipients 11–12 pt. Sizes in half-points as docx expects; lengths in mm.
 */
import { AlignmentType, BorderStyle, Paragraph, TableBorders, TextRun, type IParagraphOptions } from 'docx';

export const FONT = 'Times New Roman';
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15, header: 10 };
export const A4_MM = { width: 210, height: 297 };
export const SIZE = {
  body: 28,
  header: 24,
  motto: 26,
  title: 28,
  table: 24,
  receivedLabel: 24,
  received: 22,
  pageNumber: 28
};

/** Millimetres → twips (1/1440 inch); A4 is exactly 11906 × 16838. */
export const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Width of the text area in mm. */
export const textWidthMm = (landscape = false) =>
  (landscape ? A4_MM.height : A4_MM.width) - MARGIN_MM.left - MARGIN_MM.right;

export const NO_BORDERS = TableBorders.NONE;

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

export const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, bold: s.bold, italics: s.italic, size: s.size ?? SIZE.body, font: FONT });

/** A centred line of text (header blocks, titles, signatures). */
export function centred(text: string, s: RunStyle = {}, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    ...extra,
    children: [run(text, s)]
  });
}

/**
 * A short solid rule, centred in a column `columnMm` wide: an empty paragraph whose top
 * border is `ruleMm` long (its indents trim the border to that length).
 */
export function rule(columnMm: number, ruleMm: number): Paragraph {
  const side = twip(Math.max(0, (columnMm - ruleMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 20, after: 60 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })]
  });
}
