/**
 * The printed forms Decree 30/2020 fixes (Phụ lục I), as pure functions:
 * - the number: "Số: 05/BC-HNCT" — a leading zero below 10; a draft shows "Số: …/BC-HNCT";
 *   a joint document adds each issuer's symbol, the lead first ("01/CTr-HNCT-SNNMT");
 *   a công văn has no type symbol ("12/HNCT");
 * - the place and date: "Lai Châu, ngày 05 tháng 3 năm 2026" — a zero before days below 10
 *   and before months 1 and 2; a draft leaves day and month open;
 * - a symbol derived from a name when an issuer has none configured ("HNCT", "SNNMT").
 */
import type { DocumentKind } from './kinds';

export const DRAFT_MARK = '…';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "05/BC-HNCT" (null number: a draft, "…/BC-HNCT"); `unit` is the drafting unit of a công văn. */
export function documentNumber(number: number | null, kind: DocumentKind, symbols: string[], unit?: string): string {
  const issuers = symbols.join('-');
  const tail = kind.symbol ? `${kind.symbol}-${issuers}` : unit ? `${issuers}-${unit}` : issuers;
  return `${number === null ? DRAFT_MARK : pad2(number)}/${tail}`;
}

export const numberLine = (text: string) => `Số: ${text}`;

/** "Lai Châu, ngày 05 tháng 3 năm 2026"; a draft (date null) gives "Lai Châu, ngày … tháng … năm 2026". */
export function dateLine(place: string, isoDate: string | null, draftYear?: number): string {
  if (!isoDate) return `${place}, ngày ${DRAFT_MARK} tháng ${DRAFT_MARK} năm ${draftYear ?? ''}`.trimEnd();
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const month = m <= 2 ? pad2(m) : String(m);
  return `${place}, ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** Capitals as printed in headers; Vietnamese letters upper-case correctly with the vi locale. */
export const caps = (s: string) => s.toLocaleUpperCase('vi');

const MINOR = new Set(['và', 'của', 'các', 'the', 'and', 'of']);
const PLACE_WORDS = new Set(['tỉnh', 'thành', 'huyện', 'quận', 'thị', 'xã', 'phường', 'trấn', 'bản', 'thôn']);

/**
 * Initials of an organisation's name before its place ("Hội Người cao tuổi tỉnh Lai Châu" →
 * "HNCT", "Sở Nông nghiệp và Môi trường" → "SNNMT", "Ủy ban nhân dân xã Bình Lư" → "UBND").
 * Tone marks are dropped (Ủ → U); Đ stays Đ, as in "ĐA".
 */
export function deriveSymbol(name: string): string {
  const words = name.trim().split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    const lower = w.toLocaleLowerCase('vi');
    if (PLACE_WORDS.has(lower) && out.length) break;
    if (MINOR.has(lower)) continue;
    const first = [...w][0] ?? '';
    out.push(first === 'đ' || first === 'Đ' ? 'Đ' : first.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  }
  return out.join('').toLocaleUpperCase('vi') || 'VB';
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I']
];

/** 1 → "I", 4 → "IV" (section numbers of an outline). */
export function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}
