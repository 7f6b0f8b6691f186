/**
 * Parser for the TLQ (thanglequoc/vietnamese-provinces-database) unit lists:
 * - simplified, before 2025: province → District[] → Ward[] (with DistrictCode);
 * - full, 2025 and later: province → Wards[] (no district level).
 * Accepts a nationwide array or one province object (the Lai Châu slices).
 * Pure: returns records in parent-before-child order, or the list of bad records.
 */
import { clean } from '$lib/shared/text';
import type { ImportIssue } from './issues';
import { typeFromFullName, type UnitLevel } from './normalise';

export interface UnitRecord {
  where: string;
  code: string;
  level: UnitLevel;
  type: string;
  name: string;
  fullName: string;
  parentCode: string | null;
  parentLevel: UnitLevel | null;
}

const CODE_LENGTH: Record<string, number> = { province: 2, district: 3, commune: 5 };

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function record(
  raw: unknown,
  where: string,
  level: UnitLevel,
  parent: UnitRecord | null,
  issues: ImportIssue[]
): UnitRecord | null {
  if (!isObject(raw)) {
    issues.push({ where, message: 'not an object' });
    return null;
  }
  const code = typeof raw.Code === 'string' ? raw.Code.trim() : '';
  const name = typeof raw.Name === 'string' ? clean(raw.Name) : '';
  const fullName = typeof raw.FullName === 'string' ? clean(raw.FullName) : '';
  const type = typeFromFullName(fullName, level);
  const problems: string[] = [];
  if (!new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(code))
    problems.push(`Code "${code}" must be ${CODE_LENGTH[level]} digits`);
  if (!name) problems.push('Name is empty');
  if (!type) problems.push(`FullName "${fullName}" does not start with a known ${level} type`);
  if (problems.length) {
    issues.push({ where: code ? `${where} (code ${code})` : where, message: problems.join('; ') });
    return null;
  }
  return {
    where,
    code,
    level,
    type: type!,
    name,
    fullName,
    parentCode: parent?.code ?? null,
    parentLevel: parent?.level ?? null
  };
}

function children(raw: Raw, key: string, where: string, issues: ImportIssue[]): unknown[] {
  const list = raw[key];
  if (list === null || list === undefined) return []; // a few island districts have no communes
  if (!Array.isArray(list)) {
    issues.push({ where: `${where}.${key}`, message: 'not a list' });
    return [];
  }
  return list;
}

function province(raw: unknown, where: string, out: UnitRecord[], issues: ImportIssue[]): void {
  const p = record(raw, where, 'province', null, issues);
  if (!p || !isObject(raw)) return;
  out.push(p);
  if ('Wards' in raw) {
    children(raw, 'Wards', where, issues).forEach((w, i) => {
      const c = record(w, `${where}.Wards[${i}]`, 'commune', p, issues);
      if (c) out.push(c);
    });
    return;
  }
  children(raw, 'District', where, issues).forEach((d, i) => {
    const dw = `${where}.District[${i}]`;
    const district = record(d, dw, 'district', p, issues);
    if (!district || !isObject(d)) return;
    out.push(district);
    children(d, 'Ward', dw, issues).forEach((w, j) => {
      const c = record(w, `${dw}.Ward[${j}]`, 'commune', district, issues);
      if (c) out.push(c);
    });
  });
}

export function parseTlqUnits(json: unknown): { records: UnitRecord[]; issues: ImportIssue[] } {
  const records: UnitRecord[] = [];
  const issues: ImportIssue[] = [];
  const list = Array.isArray(json) ? json : [json];
  const prefix = Array.isArray(json) ? (i: number) => `[${i}]` : () => '$';
  list.forEach((p, i) => province(p, prefix(i), records, issues));
  const seen = new Map<string, string>();
  for (const r of records) {
    const key = `${r.level}:${r.code}`;
    const first = seen.get(key);
    if (first) issues.push({ where: r.where, message: `duplicate ${r.level} code ${r.code} (first at ${first})` });
    else seen.set(key, r.where);
  }
  return { records, issues };
}
