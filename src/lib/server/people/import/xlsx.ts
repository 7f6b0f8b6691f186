/**
 * Finds the member table inside a sheet as offices really keep it: title lines above the
 * header, a header that may span two rows (a merged group cell over its sub-columns), a row
 * of column numbers under it, and a footer (totals, "Người lập biểu", signatures) below.
 */
import { fold } from '$lib/shared/text';
import { readRawRows, SheetReadError, type RawRow } from '$lib/server/xlsx/sheet-reader';
import { guessMapping, IMPORT_FIELDS } from './mapping';

export interface Sheet {
  /** header texts, index = column index (0-based) */
  headers: string[];
  /** Excel row number of the (last) header row */
  headerRow: number;
  rows: RawRow[];
  /** Excel row number where the footer starts, if any */
  footerRow: number | null;
}

export class SheetError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** How many fields a header row maps, a plain count of recognised column names. */
const score = (headers: string[]) => IMPORT_FIELDS.filter((f) => guessMapping(headers)[f] !== null).length;

/** A group cell over sub-columns: the sub-column's own name wins, a merged cell keeps the group's. */
function combine(top: string[], bottom: string[]): string[] {
  const n = Math.max(top.length, bottom.length);
  return Array.from({ length: n }, (_, i) => {
    const b = bottom[i] ?? '';
    return b && b !== top[i] ? b : (top[i] ?? '');
  });
}

const SCAN = 20;

function findHeader(raw: RawRow[]): { headers: string[]; index: number } {
  let best = { headers: [] as string[], index: -1, score: 1 };
  for (let i = 0; i < Math.min(raw.length, SCAN); i++) {
    const single = raw[i].cells;
    if (score(single) > best.score) best = { headers: single, index: i, score: score(single) };
    const next = raw[i + 1];
    if (next && next.rowNumber === raw[i].rowNumber + 1) {
      const pair = combine(single, next.cells);
      if (score(pair) > best.score) best = { headers: pair, index: i + 1, score: score(pair) };
    }
  }
  if (best.index < 0) throw new SheetError('no_header');
  return best;
}

/** "(1) (2) (3)…" or "1 2 3…" printed under the header. */
const isColumnNumbering = (cells: string[]) => {
  const filled = cells.filter(Boolean);
  return filled.length >= 3 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c));
};

const FOOTER =
  /^(nguoi lap|nguoi ky|thu truong|chu tich|pho chu tich|truong ban|chi hoi truong|xac nhan|tm[ .]|t\/m|ky,? ghi ro|ky ten|tong( so| cong)?\b|cong:?$|.*ngay\s*[.…\d]*\s*thang\s*[.…\d]*\s*nam)/;

/** A footer line: a signature block or a total, usually in one or two cells of its own. */
function isFooter(cells: string[]): boolean {
  // A merged cell repeats its text in every column it covers.
  const filled = [...new Set(cells.filter(Boolean))];
  return filled.length <= 3 && filled.some((c) => FOOTER.test(fold(c)));
}

export function locateTable(raw: RawRow[]): Sheet {
  const { headers, index } = findHeader(raw);
  const rows: RawRow[] = [];
  let footerRow: number | null = null;
  for (const r of raw.slice(index + 1)) {
    if (isFooter(r.cells)) {
      footerRow = r.rowNumber;
      break;
    }
    if (!rows.length && isColumnNumbering(r.cells)) continue;
    rows.push({ rowNumber: r.rowNumber, cells: headers.map((_, i) => r.cells[i] ?? '') });
  }
  return { headers: headers.map((h) => h ?? ''), headerRow: raw[index].rowNumber, rows, footerRow };
}

export async function readSheet(data: Uint8Array): Promise<Sheet> {
  try {
    return locateTable(await readRawRows(data));
  } catch (e) {
    if (e instanceof SheetReadError) throw new SheetError(e.reason);
    throw e;
  }
}
