/**
 * Turns mapped sheet rows into person + membership inputs, collecting every problem with its
 * Excel row number and field, so the officer can fix the sheet in one pass.
 */
import { fold } from '$lib/shared/text';
import { parseDate } from '$lib/shared/format';
import { normalisePhone } from '../person.schema';
import { applyMapping, type ImportField, type Mapping } from './mapping';
import type { Sheet } from './xlsx';

export interface RowProblem {
  row: number;
  field: ImportField;
  /** catalogue key */
  key: string;
  params?: Record<string, number>;
}

export interface ImportedRow {
  row: number;
  full_name: string;
  birth_year: number | null;
  sex: 'female' | 'male' | 'other' | null;
  village_unit_id: string | null;
  village_name: string | null;
  phone: string | null;
  address: string | null;
  card_number: string | null;
  joined_on: string;
}

export interface RowContext {
  villages: { id: string; name: string }[];
  /** card numbers already in the database */
  takenCards: Set<string>;
  currentYear: number;
}

const SEX: Record<string, ImportedRow['sex']> = {
  nam: 'male',
  m: 'male',
  male: 'male',
  nu: 'female',
  f: 'female',
  female: 'female',
  khac: 'other',
  other: 'other'
};

/** "Bản Mẫu Một (demo)", "ban mau mot", "Mẫu Một" all find the same village. */
const VILLAGE_PREFIX = /^(thon|ban|to dan pho|to|xom|khu|khu pho|cum)\s+/;
const villageKey = (s: string) =>
  fold(s)
    .replace(/\(.*?\)/g, '')
    .replace(VILLAGE_PREFIX, '')
    .trim();

function parseYear(v: string, currentYear: number): number | null | undefined {
  if (!v) return null;
  const year = /^\d{4}$/.test(v) ? Number(v) : parseDate(v)?.slice(0, 4);
  const n = Number(year);
  return n >= 1900 && n <= currentYear ? n : undefined;
}

export function validateRows(
  sheet: Sheet,
  mapping: Mapping,
  ctx: RowContext
): { rows: ImportedRow[]; problems: RowProblem[] } {
  const rows: ImportedRow[] = [];
  const problems: RowProblem[] = [];
  const villages = new Map(ctx.villages.map((v) => [villageKey(v.name), v]));
  const cardsInFile = new Set<string>();
  for (const { rowNumber, cells } of sheet.rows) {
    const raw = applyMapping(cells, mapping);
    // STT-only rows (a numbered but empty line at the bottom of the sheet) are not members.
    if (!Object.entries(raw).some(([, v]) => v !== '')) continue;
    const problem = (field: ImportField, key: string, params?: Record<string, number>) =>
      problems.push(params ? { row: rowNumber, field, key, params } : { row: rowNumber, field, key });
    if (!raw.full_name) problem('full_name', 'err_required');
    else if (raw.full_name.length > 200) problem('full_name', 'err_too_long', { max: 200 });
    const birthYear = parseYear(raw.birth_year, ctx.currentYear);
    if (birthYear === undefined) problem('birth_year', 'err_year');
    const sex = raw.sex ? SEX[fold(raw.sex)] : null;
    if (sex === undefined) problem('sex', 'people_import_err_sex');
    const village = raw.village ? villages.get(villageKey(raw.village)) : null;
    if (village === undefined) problem('village', 'people_err_village');
    const phone = raw.phone ? normalisePhone(raw.phone) : null;
    if (phone === null && raw.phone) problem('phone', 'err_phone');
    const joined = parseDate(raw.joined_on);
    if (!raw.joined_on) problem('joined_on', 'err_required');
    else if (!joined) problem('joined_on', 'err_date');
    if (raw.address.length > 500) problem('address', 'err_too_long', { max: 500 });
    const card = raw.card_number || null;
    if (card && card.length > 50) problem('card_number', 'err_too_long', { max: 50 });
    if (card && (cardsInFile.has(card) || ctx.takenCards.has(card))) problem('card_number', 'people_err_card_taken');
    if (card) cardsInFile.add(card);
    rows.push({
      row: rowNumber,
      full_name: raw.full_name,
      birth_year: birthYear ?? null,
      sex: sex ?? null,
      village_unit_id: village?.id ?? null,
      village_name: village?.name ?? null,
      phone,
      address: raw.address || null,
      card_number: card,
      joined_on: joined ?? ''
    });
  }
  return { rows, problems };
}
