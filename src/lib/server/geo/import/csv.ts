/**
 * Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF). Returns each record with
 * its 1-based line number so import errors can point at the line an operator sees in an editor.
 */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

function splitRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ''));
}

export function parseCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const rows = splitRows(text.replace(/^\uFEFF/, ''));
  if (rows.length === 0) return { header: [], records: [] };
  const header = rows[0].cells.map((h) => h.trim());
  const records = rows.slice(1).map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]))
  }));
  return { header, records };
}
