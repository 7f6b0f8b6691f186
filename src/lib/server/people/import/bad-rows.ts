/**
 * The rows an import leaves out, as a spreadsheet the office can fix and upload again: the
 * original columns as typed, plus what is wrong with each row beside it.
 */
import ExcelJS from 'exceljs';
import { addTableSheet, type SheetValue } from '$lib/server/xlsx/cells';
import { t } from '$lib/server/i18n';
import type { Mapping } from './mapping';
import type { RowVerdict } from './rows';
import { problemMessage } from './labels';

/** What the officer reads beside a row: its problems, or why it may be a known person. */
export function verdictNote(v: RowVerdict, headers: string[], mapping: Mapping): string {
  if (v.problems.length) return v.problems.map((p) => problemMessage(p, headers, mapping)).join('; ');
  if (v.duplicate?.reason === 'card') return t('shell_import_dup_card', { name: v.duplicate.name });
  if (v.duplicate?.reason === 'person') return t('shell_import_dup_person');
  if (v.duplicate?.reason === 'file') return t('shell_import_dup_file', { row: v.duplicate.name });
  if (v.fate === 'new_village') return t('shell_import_fate_new_village', { village: v.person.new_village ?? '' });
  return '';
}

export async function badRowsWorkbook(
  headers: string[],
  mapping: Mapping,
  verdicts: RowVerdict[]
): Promise<{ bytes: Buffer; count: number }> {
  const bad = verdicts.filter((v) => v.fate === 'error' || v.fate === 'duplicate');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  addTableSheet(wb, {
    sheet: t('shell_import_bad_sheet'),
    header: [t('people_import_col_row'), ...headers, t('shell_import_bad_column')],
    rows: bad.map((v): SheetValue[] => [v.row, ...v.cells, verdictNote(v, headers, mapping)]),
    widths: { [headers.length + 1]: 60 }
  });
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), count: bad.length };
}
