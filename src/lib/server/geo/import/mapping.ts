/**
 * Parsers for the 2025 reform mapping: the Lai Châu change table (CSV, one row per old
 * commune) and the nationwide DV25 merges.json (new unit → old units). Both become the same
 * plan: for each new unit, its predecessors and whether each was taken whole or in part.
 */
import type { CsvRecord } from './csv';
import type { ImportIssue } from './issues';

export interface Predecessor {
  where: string;
  code: string;
  share: 'full' | 'partial';
  /** Only the Lai Châu table names the old district; used as a consistency check. */
  districtCode?: string;
}

export interface MergeGroup {
  where: string;
  level: 'province' | 'commune';
  successorCode: string;
  predecessors: Predecessor[];
}

export interface MergePlan {
  effectiveDate: string;
  legalBasis: string | null;
  groups: MergeGroup[];
}

const SHARE = new Set(['full', 'partial']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const CHANGE_COLUMNS = [
  'old_commune_code',
  'old_district_code',
  'new_commune_code',
  'merge_type',
  'effective_date',
  'legal_basis'
];

export function planFromChangeTable(
  header: string[],
  rows: CsvRecord[]
): { plan: MergePlan | null; issues: ImportIssue[] } {
  const missing = CHANGE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    return { plan: null, issues: [{ where: 'line 1', message: `missing column(s): ${missing.join(', ')}` }] };
  const issues: ImportIssue[] = [];
  const groups = new Map<string, MergeGroup>();
  const dates = new Set<string>();
  const bases = new Set<string>();
  for (const { line, values: v } of rows) {
    const where = `line ${line}`;
    const problems: string[] = [];
    if (!/^\d{5}$/.test(v.old_commune_code)) problems.push(`old_commune_code "${v.old_commune_code}" must be 5 digits`);
    if (!/^\d{3}$/.test(v.old_district_code))
      problems.push(`old_district_code "${v.old_district_code}" must be 3 digits`);
    if (!/^\d{5}$/.test(v.new_commune_code)) problems.push(`new_commune_code "${v.new_commune_code}" must be 5 digits`);
    if (!SHARE.has(v.merge_type)) problems.push(`merge_type "${v.merge_type}" must be full or partial`);
    if (!ISO.test(v.effective_date)) problems.push(`effective_date "${v.effective_date}" must be YYYY-MM-DD`);
    if (problems.length) {
      issues.push({ where, message: problems.join('; ') });
      continue;
    }
    dates.add(v.effective_date);
    if (v.legal_basis) bases.add(v.legal_basis);
    const group = groups.get(v.new_commune_code) ?? {
      where,
      level: 'commune' as const,
      successorCode: v.new_commune_code,
      predecessors: []
    };
    group.predecessors.push({
      where,
      code: v.old_commune_code,
      share: v.merge_type as 'full' | 'partial',
      districtCode: v.old_district_code
    });
    groups.set(v.new_commune_code, group);
  }
  if (dates.size > 1)
    issues.push({ where: 'effective_date', message: `one date per file expected, found ${[...dates].join(', ')}` });
  if (issues.length || dates.size === 0)
    return { plan: null, issues: issues.length ? issues : [{ where: 'line 2', message: 'no rows' }] };
  return {
    plan: { effectiveDate: [...dates][0], legalBasis: [...bases].join('; ') || null, groups: [...groups.values()] },
    issues
  };
}

type Raw = Record<string, unknown>;
const asList = (v: unknown): Raw[] | null => (Array.isArray(v) ? (v as Raw[]) : null);

/** Commune groups may take a whole former district (island districts became đặc khu): 3 digits. */
function predecessors(raw: unknown, where: string, codeLength: number, issues: ImportIssue[]): Predecessor[] {
  const pattern = codeLength === 5 ? /^(\d{3}|\d{5})$/ : /^\d{2}$/;
  const list = asList(raw);
  if (!list) {
    issues.push({ where, message: 'merges is not a list' });
    return [];
  }
  const out: Predecessor[] = [];
  list.forEach((m, i) => {
    const w = `${where}[${i}]`;
    const code = typeof m?.old_id === 'string' ? m.old_id : '';
    if (!pattern.test(code))
      issues.push({ where: w, message: `old_id "${code}" must be ${codeLength === 5 ? '3 or 5' : '2'} digits` });
    else if (!SHARE.has(String(m.type)))
      issues.push({ where: w, message: `type "${String(m.type)}" must be full or partial` });
    else out.push({ where: w, code, share: m.type as 'full' | 'partial' });
  });
  return out;
}

/** DV25 merges.json: `{ data: [{ level1_id, merges, level2s: [{ level2_id, merges }] }] }`, or one province entry. */
export function planFromMerges(
  json: unknown,
  effectiveDate: string,
  legalBasis: string | null
): { plan: MergePlan | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const root = json as Raw;
  const provinces = asList(root?.data) ?? (root && 'level1_id' in root ? [root] : null);
  if (!provinces)
    return { plan: null, issues: [{ where: '$', message: 'expected { data: [...] } or one province entry' }] };
  const groups: MergeGroup[] = [];
  provinces.forEach((p, i) => {
    const where = root.data ? `data[${i}]` : '$';
    const code = typeof p?.level1_id === 'string' ? p.level1_id : '';
    if (!/^\d{2}$/.test(code)) {
      issues.push({ where, message: `level1_id "${code}" must be 2 digits` });
      return;
    }
    groups.push({
      where,
      level: 'province',
      successorCode: code,
      predecessors: predecessors(p.merges, `${where}.merges`, 2, issues)
    });
    (asList(p.level2s) ?? []).forEach((c, j) => {
      const cw = `${where}.level2s[${j}]`;
      const cc = typeof c?.level2_id === 'string' ? c.level2_id : '';
      if (!/^\d{5}$/.test(cc)) {
        issues.push({ where: cw, message: `level2_id "${cc}" must be 5 digits` });
        return;
      }
      groups.push({
        where: cw,
        level: 'commune',
        successorCode: cc,
        predecessors: predecessors(c.merges, `${cw}.merges`, 5, issues)
      });
    });
  });
  return { plan: issues.length ? null : { effectiveDate, legalBasis, groups }, issues };
}
