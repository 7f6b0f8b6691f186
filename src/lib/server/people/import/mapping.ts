/**
 * Column mapping for member-list imports: which sheet column feeds which person field.
 * Guessing uses folded header names, so "Họ và tên", "HỌ TÊN" and "ho ten" all match.
 */
import { fold } from '$lib/shared/text';

export const IMPORT_FIELDS = [
  'full_name',
  'birth_year',
  'sex',
  'village',
  'phone',
  'card_number',
  'joined_on',
  'address'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['full_name', 'joined_on'];

/** field → column index in the sheet, or null when the sheet has no such column */
export type Mapping = Record<ImportField, number | null>;

const ALIASES: Record<ImportField, string[]> = {
  full_name: [
    'ho va ten',
    'ho ten',
    'ho va ten hoi vien',
    'ho ten hoi vien',
    'ten hoi vien',
    'full name',
    'name',
    'ten'
  ],
  birth_year: ['nam sinh', 'ngay sinh', 'ngay thang nam sinh', 'birth year', 'year of birth', 'born'],
  sex: ['gioi tinh', 'gioi', 'nam/nu', 'sex', 'gender'],
  village: ['thon/ban', 'thon ban', 'thon', 'ban', 'to dan pho', 'thon/ban/to', 'village'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'dt', 'dtdd', 'di dong', 'phone'],
  card_number: ['so the hoi vien', 'so the hv', 'so the', 'ma hoi vien', 'ma the', 'card number', 'card'],
  joined_on: [
    'ngay vao hoi',
    'ngay ket nap',
    'ngay gia nhap',
    'ngay vao',
    'thoi gian vao hoi',
    'nam vao hoi',
    'joined',
    'joined on',
    'date joined'
  ],
  address: ['dia chi', 'noi o', 'noi o hien nay', 'address']
};

const norm = (h: string) =>
  fold(h)
    .replace(/[.:*]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .trim();

/** Pre-guessed mapping: exact alias matches first, then headers that start with an alias. */
export function guessMapping(headers: string[]): Mapping {
  const folded = headers.map(norm);
  const used = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as Mapping;
  const pass = (match: (header: string, alias: string) => boolean) => {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== null) continue;
      const i = folded.findIndex((h, idx) => !used.has(idx) && h !== '' && ALIASES[field].some((a) => match(h, a)));
      if (i >= 0) {
        mapping[field] = i;
        used.add(i);
      }
    }
  };
  pass((h, a) => h === a);
  pass((h, a) => a.length > 3 && h.startsWith(a));
  return mapping;
}

/** Reads a mapping from form fields `map_<field>` (column index or ''). */
export function mappingFromForm(values: Record<string, unknown>, columnCount: number): Mapping {
  const mapping = {} as Mapping;
  for (const f of IMPORT_FIELDS) {
    const v = String(values[`map_${f}`] ?? '');
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    mapping[f] = Number.isInteger(n) && n < columnCount ? n : null;
  }
  return mapping;
}

/** Field-level problems with a mapping: required fields unmapped, one column used twice. */
export function mappingErrors(mapping: Mapping): Partial<Record<ImportField, 'required' | 'duplicate'>> {
  const errors: Partial<Record<ImportField, 'required' | 'duplicate'>> = {};
  const seen = new Map<number, ImportField>();
  for (const f of IMPORT_FIELDS) {
    const col = mapping[f];
    if (col === null) {
      if (REQUIRED_FIELDS.includes(f)) errors[f] = 'required';
      continue;
    }
    if (seen.has(col)) errors[f] = 'duplicate';
    else seen.set(col, f);
  }
  return errors;
}

/** One sheet row → the raw texts of the mapped fields. */
export function applyMapping(cells: string[], mapping: Mapping): Record<ImportField, string> {
  return Object.fromEntries(
    IMPORT_FIELDS.map((f) => [f, mapping[f] === null ? '' : (cells[mapping[f]!] ?? '').trim()])
  ) as Record<ImportField, string>;
}
