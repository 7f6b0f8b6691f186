/**
 * Apply a reform mapping (Lai Châu change table or DV25 merges.json): for each new unit, one
 * `merge` change linking its predecessors (valid the day before) to it (valid on the day).
 * Predecessors and their districts are closed on the effective date; each district gets an
 * `abolish` change. Runs in one transaction; any unknown code aborts it with its location.
 * Re-running is harmless: units that already have a merge change on that date are skipped.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import type { UnitChangeTable } from '$lib/server/db/schema';
import { audit } from '$lib/server/audit/audit.service';
import type { Actor } from '$lib/server/access/actor';
import {
  closeUnits,
  findCodedUnitsAt,
  insertChangeLinks,
  insertChanges,
  successorsWithChange,
  type LinkInsert,
  type UnitRow
} from '../unit.repository';
import { throwIfIssues, type ImportIssue } from './issues';
import type { MergeGroup, MergePlan } from './mapping';

export interface MergeImportStats {
  merges: number;
  links: number;
  skipped: number;
  closedUnits: number;
  abolishedDistricts: number;
  unknownSkipped: number;
  /** Unknown predecessors skipped with `skipUnknown` (the sources disagree on a few codes). */
  warnings: ImportIssue[];
}

export interface MergeOptions {
  skipUnknown?: boolean;
}

export function dayBefore(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

type Index = Map<string, UnitRow>;
const index = (rows: UnitRow[]): Index => new Map(rows.map((r) => [`${r.level}:${r.code}`, r]));

interface Work {
  changes: UnitChangeTable[];
  links: LinkInsert[];
  closes: Set<string>;
  districts: Set<string>;
  /** Districts taken whole into a new unit: linked by the merge, so no separate abolish. */
  mergedDistricts: Set<string>;
}

const LEVEL_BY_LENGTH: Record<number, string> = { 2: 'province', 3: 'district', 5: 'commune' };

function planGroup(
  g: MergeGroup,
  before: Index,
  after: Index,
  byId: Map<string, UnitRow>,
  plan: MergePlan,
  work: Work,
  issues: ImportIssue[],
  warnings: ImportIssue[] | null
): void {
  const found = after.get(`${g.level}:${g.successorCode}`);
  // A new commune starts on the effective date; one valid before is an old unit nobody replaced.
  const successor = found && (g.level === 'province' || found.valid_from === plan.effectiveDate) ? found : undefined;
  if (!successor) {
    (warnings ?? issues).push({
      where: g.where,
      message: `no new ${g.level} ${g.successorCode} starting on ${plan.effectiveDate}`
    });
    return;
  }
  // A province that keeps its code continues as the same row: nothing to link.
  const preds = g.predecessors.filter((p) => !(g.level === 'province' && p.code === g.successorCode));
  const change: UnitChangeTable = {
    id: newId(),
    kind: 'merge',
    effective_date: plan.effectiveDate,
    legal_basis: plan.legalBasis,
    note: null,
    created_at: nowIso()
  };
  for (const p of preds) {
    const level = LEVEL_BY_LENGTH[p.code.length];
    const old = before.get(`${level}:${p.code}`);
    if (!old) {
      (warnings ?? issues).push({
        where: p.where,
        message: `no ${level} ${p.code} valid on ${dayBefore(plan.effectiveDate)}`
      });
      continue;
    }
    if (level === 'district') {
      work.closes.add(old.id);
      work.mergedDistricts.add(old.id);
    }
    const district = old.parent_id ? byId.get(old.parent_id) : undefined;
    if (p.districtCode && district?.code !== p.districtCode) {
      issues.push({
        where: p.where,
        message: `commune ${p.code} belongs to district ${district?.code ?? '-'}, not ${p.districtCode}`
      });
    }
    if (district?.level === 'district' && level === 'commune') work.districts.add(district.id);
    if (old.id !== successor.id) work.closes.add(old.id);
    work.links.push({ change_id: change.id, predecessor_id: old.id, successor_id: successor.id, share: p.share });
  }
  if (preds.length) work.changes.push(change);
}

export async function importMerges(
  db: Db,
  actor: Actor,
  plan: MergePlan,
  options: MergeOptions = {}
): Promise<MergeImportStats> {
  return db.transaction().execute(async (tx) => {
    const prev = dayBefore(plan.effectiveDate);
    const beforeRows = await findCodedUnitsAt(tx, ['province', 'district', 'commune'], prev);
    const before = index(beforeRows);
    const after = index(await findCodedUnitsAt(tx, ['province', 'commune'], plan.effectiveDate));
    const byId = new Map(beforeRows.map((r) => [r.id, r]));
    const done = await successorsWithChange(tx, 'merge', plan.effectiveDate);
    const work: Work = { changes: [], links: [], closes: new Set(), districts: new Set(), mergedDistricts: new Set() };
    const issues: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    let skipped = 0;
    for (const g of plan.groups) {
      const successor = after.get(`${g.level}:${g.successorCode}`);
      if (successor && done.has(successor.id)) {
        skipped++;
        continue;
      }
      planGroup(g, before, after, byId, plan, work, issues, options.skipUnknown ? warnings : null);
    }
    throwIfIssues(issues);
    const closes = [...work.closes].filter((id) => {
      const r = byId.get(id)!;
      return r.valid_to === null || r.valid_to > plan.effectiveDate;
    });
    const districts = [...work.districts].filter(
      (id) =>
        !work.mergedDistricts.has(id) &&
        (byId.get(id)!.valid_to === null || byId.get(id)!.valid_to! > plan.effectiveDate)
    );
    for (const id of districts) {
      const change: UnitChangeTable = {
        id: newId(),
        kind: 'abolish',
        effective_date: plan.effectiveDate,
        legal_basis: plan.legalBasis,
        note: byId.get(id)!.full_name,
        created_at: nowIso()
      };
      work.changes.push(change);
      work.links.push({ change_id: change.id, predecessor_id: id, successor_id: null, share: 'full' });
    }
    await closeUnits(tx, [...closes, ...districts], plan.effectiveDate);
    await insertChanges(tx, work.changes);
    await insertChangeLinks(tx, work.links);
    const stats = {
      merges: work.changes.length - districts.length,
      links: work.links.length - districts.length,
      skipped,
      closedUnits: closes.length,
      abolishedDistricts: districts.length,
      unknownSkipped: warnings.length
    };
    await audit(tx, actor, {
      action: 'import',
      entityType: 'unit_change',
      entityId: null,
      after: { ...stats, effectiveDate: plan.effectiveDate }
    });
    return { ...stats, warnings };
  });
}
