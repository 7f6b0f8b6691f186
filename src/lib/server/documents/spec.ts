/**
 * What a document says, as plain data: the builder (docx/render.ts) lays it out in the
 * Decree-30 form, the register (register.service.ts) numbers and stores it. Nothing here
 * knows about reports, plans or awards; their services assemble a spec and pass it on.
 */
import type { DocumentKind } from './kinds';

/** One issuing body, as printed in the header (see issuer.service.ts for where these come from). */
export interface Issuer {
  organisationId: string;
  /** the issuing body, printed in capitals and bold: "HỘI NGƯỜI CAO TUỔI TỈNH LAI CHÂU" */
  name: string;
  /** the body above it, in capitals, not bold; null: none */
  parent: string | null;
  /** symbol in the number: "HNCT" */
  symbol: string;
  /** place name of the date line: "Lai Châu" */
  place: string;
}

/** Who signs for one issuer: "TM. BAN THƯỜNG VỤ" / "CHỦ TỊCH" / the name (no academic titles). */
export interface Signer {
  /** TM., KT., Q., TL., TUQ. line; null when the head signs in their own right */
  authority: string | null;
  title: string;
  name: string;
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface TableColumn {
  title: string;
  /** relative width (default 1) */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export type Cell = string | number | null;

export type Block =
  /** level 1: "I. ĐẶC ĐIỂM TÌNH HÌNH" (bold); 2: "1. Công tác tuyên truyền" (bold); 3: "a) …" (italic) */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** justified, first-line indent */
  | { type: 'paragraph'; runs: Run[]; align?: 'justify' | 'center' | 'right' }
  /** "- item" lines */
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; caption?: string; columns: TableColumn[]; rows: Cell[][]; totals?: Cell[] }
  | { type: 'pageBreak' };

export interface DocumentSpec {
  kind: DocumentKind;
  /** one issuer, or several for a joint (liên tịch) document: the lead first, its register numbers it */
  issuers: Issuer[];
  /** trích yếu: "Kết quả thực hiện Chương trình phối hợp quý I năm 2026" */
  subject: string;
  body: Block[];
  /** one per issuer, in the same order as `issuers` */
  signers: Signer[];
  /** Nơi nhận, without the leading dash; "Lưu: VT, …" is added from `archive` */
  recipients: string[];
  /** who keeps a copy besides the clerk's office (VT): ["VP"] → "- Lưu: VT, VP." */
  archive?: string[];
  /** drafting unit of a công văn ("VP" → "12/HNCT-VP") */
  unit?: string;
  /** the whole document in landscape (annex-style documents); default portrait */
  landscape?: boolean;
}

/** Number and date of an issued document; a draft has neither. */
export interface Numbering {
  number: number | null;
  /** 'YYYY-MM-DD' (Vietnam date); null for a draft */
  date: string | null;
  /** the year a draft will be issued in, for "ngày … tháng … năm 2026" */
  draftYear?: number;
}

// Small constructors, so callers write body content compactly.
export const h1 = (text: string): Block => ({ type: 'heading', level: 1, text });
export const h2 = (text: string): Block => ({ type: 'heading', level: 2, text });
export const h3 = (text: string): Block => ({ type: 'heading', level: 3, text });
export const p = (...runs: (string | Run)[]): Block => ({
  type: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r))
});
export const bullets = (items: string[]): Block => ({ type: 'bullets', items });
export const table = (t: Omit<Extract<Block, { type: 'table' }>, 'type'>): Block => ({ type: 'table', ...t });

/** Paragraphs from free text typed by an officer: one per non-empty line. */
export function paragraphs(text: string | null | undefined): Block[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (l.startsWith('- ') ? bullets([l.slice(2)]) : p(l)));
}
