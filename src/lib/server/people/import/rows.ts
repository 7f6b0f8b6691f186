/**
 * Turns mapped sheet rows into person + membership inputs and gives every row its fate:
 * ready, ready with a village to create, a possible duplicate to confirm, or wrong (with
 * every problem, its Excel row number and field, so the sheet can be fixed in one pass).
 */
import { fold } from '$lib/shared/text';
import { normalisePhone } from '../person.schema';
import { applyMapping, type ImportField, type Mapping } from './mapping';
import { dateProblem } from '$lib/shared/date-field';
import { looseDateParts, parseBirthYear, parseLooseDate } from './dates';
import type { Sheet } from './xlsx';

export interface RowProblem {
  row: number;
  field: ImportField;
  /** catalogue key */
  key: string;
  params?: Record<string, number | string>;
}

export interface ImportedRow {
  row: number;
  full_name: string;
  birth_year: number | null;
  sex: 'female' | 'male' | 'other' | null;
  village_unit_id: string | null;
  village_name: string | null;
  /** a village the registry lacks, to be created under the commune (its typed name) */
  new_village: string | null;
  phone: string | null;
  address: string | null;
  card_number: string | null;
  joined_on: string;
}

export type Fate = 'ok' | 'new_village' | 'duplicate' | 'error';

export interface RowVerdict {
  row: number;
  fate: Fate;
  person: ImportedRow;
  problems: RowProblem[];
  /** why it may be a person already known: an existing card, name + birth year + village, or an earlier row */
  duplicate?: { reason: 'card' | 'person' | 'file'; name: string };
  cells: string[];
}

export type VillageDecision = { kind: 'create' } | { kind: 'map'; unitId: string };

export interface RowContext {
  villages: { id: string; name: string }[];
  /** folded village name → what the officer chose for a village the registry lacks */
  villageDecisions: Record<string, VillageDecision>;
  /** card numbers already in the database → the holder's name */
  takenCards: Map<string, string>;
  /** people of this keeping organisation: folded name, birth year, village */
  existing: { name: string; birth_year: number | null; village_unit_id: string | null }[];
  currentYear: number;
}

const SEX: Record<string, ImportedRow['sex']> = {
  nam: 'male',
  m: 'male',
  male: 'male',
  x: 'male',
  nu: 'female',
  f: 'female',
  female: 'female',
  khac: 'other',
  other: 'other'
};

/** "Bản Mẫu Một (demo)", "ban mau mot", "Mẫu Một" all find the same village. */
const VILLAGE_PREFIX = /^(thon|ban|to dan pho|to|xom|khu|khu pho|cum|lang|ap|buon|plei|soc)\s+/;
export const villageKey = (s: string) =>
  fold(s)
    .replace(/\(.*?\)/g, '')
    .replace(VILLAGE_PREFIX, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Excel drops the leading 0 of a number-typed phone (912345678); 84… is the country code. */
export function importPhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  if (/^[1-9]\d{8}$/.test(digits)) return '0' + digits;
  if (/^84[1-9]\d{8}$/.test(digits)) return '0' + digits.slice(2);
  return normalisePhone(raw);
}

const personKey = (name: string, year: number | null, village: string | null) =>
  `${fold(name)}|${year ?? ''}|${village ?? ''}`;

interface Checked {
  person: ImportedRow;
  problems: RowProblem[];
  villageKey: string | null;
}

function checkRow(
  rowNumber: number,
  raw: Record<ImportField, string>,
  ctx: RowContext,
  villages: Map<string, { id: string; name: string }>
): Checked {
  const problems: RowProblem[] = [];
  const problem = (field: ImportField, key: string, params?: Record<string, number | string>) =>
    problems.push(params ? { row: rowNumber, field, key, params } : { row: rowNumber, field, key });
  const name = raw.full_name.replace(/\s+/g, ' ');
  if (!name) problem('full_name', 'err_required');
  else if (name.length > 200) problem('full_name', 'err_too_long', { max: 200 });
  const birthYear = raw.birth_year ? parseBirthYear(raw.birth_year, ctx.currentYear) : null;
  if (raw.birth_year && birthYear === null) problem('birth_year', 'err_year');
  const sex = raw.sex ? SEX[fold(raw.sex)] : null;
  if (sex === undefined) problem('sex', 'people_import_err_sex');
  const key = raw.village ? villageKey(raw.village) : null;
  const known = key ? villages.get(key) : undefined;
  const decision = key && !known ? ctx.villageDecisions[key] : undefined;
  const mapped = decision?.kind === 'map' ? ctx.villages.find((v) => v.id === decision.unitId) : undefined;
  if (key && !known && !decision) problem('village', 'shell_import_err_village_undecided');
  const phone = raw.phone ? importPhone(raw.phone) : null;
  if (phone === null && raw.phone) problem('phone', 'err_phone');
  const joined = raw.joined_on ? parseLooseDate(raw.joined_on, ctx.currentYear) : null;
  if (!raw.joined_on) problem('joined_on', 'err_required');
  else if (!joined) {
    // A wrong day or month is named (with the line number, in the problem list), not just "the format".
    const issue = dateProblem(looseDateParts(raw.joined_on, ctx.currentYear));
    problem('joined_on', issue.message, issue.params);
  }
  if (raw.address.length > 500) problem('address', 'err_too_long', { max: 500 });
  const card = raw.card_number || null;
  if (card && card.length > 50) problem('card_number', 'err_too_long', { max: 50 });
  const village = known ?? mapped;
  return {
    problems,
    villageKey: key,
    person: {
      row: rowNumber,
      full_name: name,
      birth_year: birthYear,
      sex: sex ?? null,
      village_unit_id: village?.id ?? null,
      village_name: village?.name ?? (decision?.kind === 'create' ? raw.village : null),
      new_village: decision?.kind === 'create' ? raw.village.replace(/\s+/g, ' ') : null,
      phone,
      address: raw.address || null,
      card_number: card,
      joined_on: joined ?? ''
    }
  };
}

export function validateRows(sheet: Sheet, mapping: Mapping, ctx: RowContext) {
  const villages = new Map(ctx.villages.map((v) => [villageKey(v.name), v]));
  const existing = new Set(ctx.existing.map((p) => personKey(p.name, p.birth_year, p.village_unit_id)));
  const cardsInFile = new Map<string, number>();
  const peopleInFile = new Map<string, number>();
  const unknown = new Map<string, { name: string; rows: number[] }>();
  const verdicts: RowVerdict[] = [];
  for (const { rowNumber, cells } of sheet.rows) {
    const raw = applyMapping(cells, mapping);
    // STT-only rows (a numbered but empty line at the bottom of the sheet) are not members.
    if (!Object.entries(raw).some(([, v]) => v !== '')) continue;
    const c = checkRow(rowNumber, raw, ctx, villages);
    const p = c.person;
    if (c.villageKey && !villages.has(c.villageKey)) {
      const u = unknown.get(c.villageKey) ?? { name: raw.village, rows: [] };
      u.rows.push(rowNumber);
      unknown.set(c.villageKey, u);
    }
    if (p.card_number && cardsInFile.has(p.card_number))
      c.problems.push({ row: rowNumber, field: 'card_number', key: 'people_err_card_taken' });
    if (p.card_number) cardsInFile.set(p.card_number, rowNumber);
    const key = personKey(p.full_name, p.birth_year, p.village_unit_id ?? (p.new_village && villageKey(p.new_village)));
    let duplicate: RowVerdict['duplicate'];
    if (p.card_number && ctx.takenCards.has(p.card_number))
      duplicate = { reason: 'card', name: ctx.takenCards.get(p.card_number)! };
    else if (p.full_name && existing.has(key)) duplicate = { reason: 'person', name: p.full_name };
    else if (p.full_name && peopleInFile.has(key)) duplicate = { reason: 'file', name: String(peopleInFile.get(key)) };
    if (p.full_name && !peopleInFile.has(key)) peopleInFile.set(key, rowNumber);
    const fate: Fate = c.problems.length ? 'error' : duplicate ? 'duplicate' : p.new_village ? 'new_village' : 'ok';
    verdicts.push({ row: rowNumber, fate, person: p, problems: c.problems, duplicate, cells });
  }
  return {
    verdicts,
    unknownVillages: [...unknown].map(([key, u]) => ({ key, ...u })),
    problems: verdicts.flatMap((v) => v.problems),
    rows: verdicts.filter((v) => v.fate !== 'error').map((v) => v.person)
  };
}
