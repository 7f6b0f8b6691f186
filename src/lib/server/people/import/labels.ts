/** Localised names for import fields, sheet columns and row problems (server side). */
import { t } from '$lib/server/i18n';
import type { ImportField, Mapping } from './mapping';
import type { RowProblem } from './rows';

const FIELD_KEYS: Record<ImportField, string> = {
  full_name: 'people_field_full_name',
  birth_year: 'people_field_birth_year',
  sex: 'people_field_sex',
  village: 'people_field_village',
  phone: 'people_field_phone',
  card_number: 'people_field_card_number',
  joined_on: 'people_field_joined_on',
  address: 'people_field_address'
};
export const fieldLabel = (f: ImportField): string => t(FIELD_KEYS[f]);

/** 0 → "A", 25 → "Z", 26 → "AA", as Excel names columns. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const columnLabel = (headers: string[], index: number): string =>
  t('people_import_column', { letter: columnLetter(index), header: headers[index] || '—' });

/** "Dòng 5, cột “Số điện thoại”: ..." using the header text the officer sees in Excel. */
export function problemMessage(p: RowProblem, headers: string[], mapping: Mapping): string {
  const col = mapping[p.field];
  const column = col === null ? fieldLabel(p.field) : headers[col] || columnLetter(col);
  return t('people_import_row_error', { row: p.row, column, message: t(p.key, p.params) });
}
