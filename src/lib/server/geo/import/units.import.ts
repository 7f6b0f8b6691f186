/**
 * Import a TLQ unit list as the state from `validFrom`. Diffed against the units valid on
 * that date, per (level, code):
 * - same parent, type and name (tone-mark position ignored) → untouched;
 * - same parent level but a new type, name or parent → the old row is closed and a new
 *   version opens, linked by a retype / rename / reparent change;
 * - a different kind of parent (district → province in the 2025 reform) means the code now
 *   belongs to a new unit: the old row is closed; the reform mapping links them later.
 * One transaction; nothing is written when any record is bad.
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import type { AdminUnitTable, UnitChangeTable } from '$lib/server/db/schema';
import { fold, sortKey } from '$lib/shared/text';
import { audit } from '$lib/server/audit/audit.service';
import type { Actor } from '$lib/server/access/actor';
import {
  closeUnits,
  findCodedUnitsAt,
  findUnitsByIds,
  insertChangeLinks,
  insertChanges,
  type LinkInsert,
  insertUnits,
  updateUnit,
  type UnitRow
} from '../unit.repository';
import { nameKey } from './normalise';
import type { UnitRecord } from './tlq';

export interface UnitImportOptions {
  validFrom: string;
  validTo?: string | null;
  source: string;
  legalBasis?: string | null;
}

export interface UnitImportStats {
  created: number;
  unchanged: number;
  corrected: number;
  retype: number;
  rename: number;
  reparent: number;
  codeReused: number;
}

interface Plan {
  inserts: AdminUnitTable[];
  closes: string[];
  corrections: { id: string; patch: Partial<AdminUnitTable> }[];
  changes: UnitChangeTable[];
  links: LinkInsert[];
  stats: UnitImportStats;
}

const keyOf = (level: string, code: string | null) => `${level}:${code}`;

function newRow(r: UnitRecord, parentId: string | null, o: UnitImportOptions, now: string): AdminUnitTable {
  return {
    id: newId(),
    code: r.code,
    level: r.level,
    type: r.type,
    name: r.name,
    full_name: r.fullName,
    name_search: fold(r.fullName),
    sort_key: sortKey(r.name),
    parent_id: parentId,
    valid_from: o.validFrom,
    valid_to: o.validTo ?? null,
    centre_lat: null,
    centre_lon: null,
    households: null,
    source: o.source,
    created_at: now
  };
}

function planImport(
  records: UnitRecord[],
  existing: Map<string, UnitRow>,
  parentKeyOf: (row: UnitRow) => string | null,
  o: UnitImportOptions
): Plan {
  const now = nowIso();
  const plan: Plan = {
    inserts: [],
    closes: [],
    corrections: [],
    changes: [],
    links: [],
    stats: { created: 0, unchanged: 0, corrected: 0, retype: 0, rename: 0, reparent: 0, codeReused: 0 }
  };
  // The id children should point at: the current version of each parent.
  const current = new Map<string, string>();
  for (const r of records) {
    const key = keyOf(r.level, r.code);
    const parentKey = r.parentCode ? keyOf(r.parentLevel!, r.parentCode) : null;
    const parentId = parentKey ? (current.get(parentKey) ?? null) : null;
    const old = existing.get(key);
    const row = newRow(r, parentId, o, now);
    if (!old) {
      plan.inserts.push(row);
      plan.stats.created++;
      current.set(key, row.id);
      continue;
    }
    const oldParentKey = parentKeyOf(old);
    const sameParent = oldParentKey === parentKey;
    const sameParentLevel = (oldParentKey?.split(':')[0] ?? null) === (r.parentLevel ?? null);
    const sameType = old.type === r.type;
    const sameName = nameKey(old.name) === nameKey(r.name);
    if (sameParent && sameType && sameName) {
      plan.stats.unchanged++;
      current.set(key, old.id);
      continue;
    }
    if (old.valid_from === o.validFrom) {
      // Same list date imported again with different content: a correction, not history.
      const { id: _id, created_at: _c, centre_lat: _la, centre_lon: _lo, households: _h, ...patch } = row;
      plan.corrections.push({ id: old.id, patch });
      plan.stats.corrected++;
      current.set(key, old.id);
      continue;
    }
    plan.closes.push(old.id);
    plan.inserts.push(sameParentLevel ? { ...row, centre_lat: old.centre_lat, centre_lon: old.centre_lon } : row);
    current.set(key, row.id);
    if (!sameParentLevel) {
      plan.stats.created++;
      plan.stats.codeReused++;
      continue;
    }
    const kind = !sameType ? 'retype' : !sameName ? 'rename' : 'reparent';
    plan.stats[kind]++;
    const change: UnitChangeTable = {
      id: newId(),
      kind,
      effective_date: o.validFrom,
      legal_basis: o.legalBasis ?? null,
      note: `${old.full_name} → ${r.fullName}`,
      created_at: now
    };
    plan.changes.push(change);
    plan.links.push({ change_id: change.id, predecessor_id: old.id, successor_id: row.id, share: 'full' });
  }
  return plan;
}

export async function importUnits(
  db: Db,
  actor: Actor,
  records: UnitRecord[],
  o: UnitImportOptions
): Promise<UnitImportStats> {
  return db.transaction().execute(async (tx) => {
    const levels = [...new Set(records.map((r) => r.level))];
    const rows = await findCodedUnitsAt(tx, levels.length ? levels : ['commune'], o.validFrom);
    const existing = new Map(rows.map((r) => [keyOf(r.level, r.code), r]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missingParents = rows.map((r) => r.parent_id).filter((id): id is string => !!id && !byId.has(id));
    for (const p of await findUnitsByIds(tx, missingParents)) byId.set(p.id, p);
    const parentKeyOf = (row: UnitRow) => {
      const p = row.parent_id ? byId.get(row.parent_id) : undefined;
      return p ? keyOf(p.level, p.code) : null;
    };
    const plan = planImport(records, existing, parentKeyOf, o);
    await closeUnits(tx, plan.closes, o.validFrom);
    await insertUnits(tx, plan.inserts);
    for (const c of plan.corrections) await updateUnit(tx, c.id, c.patch);
    await insertChanges(tx, plan.changes);
    await insertChangeLinks(tx, plan.links);
    await audit(tx, actor, {
      action: 'import',
      entityType: 'admin_unit',
      entityId: null,
      after: { ...plan.stats, validFrom: o.validFrom, source: o.source }
    });
    return plan.stats;
  });
}
