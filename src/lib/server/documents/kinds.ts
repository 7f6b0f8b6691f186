/**
 * Document types of Decree 30/2020 (Phụ lục III: tên loại văn bản and their abbreviations).
 * A kind is data: the register numbers per `code`, the number shows `symbol` ("05/BC-HNCT";
 * none for a công văn: "05/HNCT"), and `title` is printed above the subject (a công văn
 * has none: its subject goes under the number as "V/v …"). Callers may also pass a kind of
 * their own that is not listed here; nothing in the builder or the register switches on it.
 */
export interface DocumentKind {
  /** register key, unique per issuer and year: "BC", "KH", "CTr", "QĐ", "TTr", "CV"… */
  code: string;
  /** the type's name in Vietnamese: "Báo cáo" */
  name: string;
  /** abbreviation in the number; null: none (công văn) */
  symbol: string | null;
  /** printed in capitals above the subject; false for a công văn */
  titled: boolean;
}

const kind = (code: string, name: string): DocumentKind => ({ code, name, symbol: code, titled: true });

export const KINDS = {
  NQ: kind('NQ', 'Nghị quyết'),
  QĐ: kind('QĐ', 'Quyết định'),
  CT: kind('CT', 'Chỉ thị'),
  QC: kind('QC', 'Quy chế'),
  QyĐ: kind('QyĐ', 'Quy định'),
  TC: kind('TC', 'Thông cáo'),
  TB: kind('TB', 'Thông báo'),
  HD: kind('HD', 'Hướng dẫn'),
  CTr: kind('CTr', 'Chương trình'),
  KH: kind('KH', 'Kế hoạch'),
  PA: kind('PA', 'Phương án'),
  ĐA: kind('ĐA', 'Đề án'),
  DA: kind('DA', 'Dự án'),
  BC: kind('BC', 'Báo cáo'),
  BB: kind('BB', 'Biên bản'),
  TTr: kind('TTr', 'Tờ trình'),
  HĐ: kind('HĐ', 'Hợp đồng'),
  CĐ: kind('CĐ', 'Công điện'),
  BGN: kind('BGN', 'Bản ghi nhớ'),
  BTT: kind('BTT', 'Bản thỏa thuận'),
  GUQ: kind('GUQ', 'Giấy ủy quyền'),
  GM: kind('GM', 'Giấy mời'),
  GGT: kind('GGT', 'Giấy giới thiệu'),
  GNP: kind('GNP', 'Giấy nghỉ phép'),
  PG: kind('PG', 'Phiếu gửi'),
  PC: kind('PC', 'Phiếu chuyển'),
  PB: kind('PB', 'Phiếu báo'),
  CV: { code: 'CV', name: 'Công văn', symbol: null, titled: false }
} as const satisfies Record<string, DocumentKind>;

export type KindCode = keyof typeof KINDS;

/** Register codes are short: letters (Đ included), no separators. */
export const KIND_CODE = /^[A-Za-zĐđ]{1,8}$/;

export function kindOf(code: string): DocumentKind | null {
  return (KINDS as Record<string, DocumentKind>)[code] ?? null;
}
