/**
 * Browsing the audit trail (read-only). Administrators see events of organisations in their
 * scope and events tied to no organisation (accounts, tokens, settings).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { scopeSubquery } from '$lib/server/access/access';
import { readJson } from '$lib/server/db/dialect';
import { requireAdmin } from '$lib/server/accounts/admin.policy';
import { distinctAuditValues, namesOf, searchAuditEvents, type NamedKind } from './audit.repository';
import type { AuditFilterInput } from './audit.schema';

export const AUDIT_PAGE = 25;

export interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

const show = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Field-by-field difference of two JSON snapshots; unchanged fields are left out. */
export function diff(beforeJson: string | null, afterJson: string | null): Change[] {
  const before = readJson<Record<string, unknown>>(beforeJson) ?? {};
  const after = readJson<Record<string, unknown>>(afterJson) ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }))
    .filter((c) => c.before !== c.after);
}

/**
 * Fields whose value is the id of something with a name: shown by that name ("Phường Đoàn
 * Kết", not a UUID). The stored row keeps the id; an id no longer found shows as itself.
 */
const NAMED: Record<string, NamedKind> = {
  commune_unit_id: 'unit',
  village_unit_id: 'unit',
  admin_unit_id: 'unit',
  commune_org_id: 'org',
  agency_org_id: 'org',
  organisation_id: 'org',
  parent_id: 'org',
  successor_id: 'org',
  category_id: 'category',
  assigned_account_id: 'account'
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function nameValues(db: Db, changes: Change[]): Promise<Change[]> {
  const wanted = new Map<NamedKind, Set<string>>();
  for (const c of changes) {
    const kind = NAMED[c.field];
    if (!kind) continue;
    for (const v of [c.before, c.after])
      if (v && UUID.test(v)) (wanted.get(kind) ?? wanted.set(kind, new Set()).get(kind)!).add(v);
  }
  const names: Record<string, string> = {};
  for (const [kind, ids] of wanted) Object.assign(names, await namesOf(db, kind, [...ids]));
  const named = (v: string | null) => (v !== null && names[v] ? names[v] : v);
  return changes.map((c) => (NAMED[c.field] ? { ...c, before: named(c.before), after: named(c.after) } : c));
}

/** Vietnam midnight of a 'YYYY-MM-DD' date as a UTC ISO instant. */
const vnMidnight = (date: string, addDays = 0) => {
  const d = new Date(`${date}T00:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + addDays);
  return d.toISOString();
};

export async function browseAudit(db: Db, actor: Actor, f: AuditFilterInput) {
  requireAdmin(actor);
  const scope = actor.kind === 'system' ? null : scopeSubquery(db, actor, 'audit.read');
  const rows = await searchAuditEvents(
    db,
    scope,
    {
      entityType: f.entity_type,
      action: f.action,
      actor: f.actor,
      entityId: f.q,
      fromIso: f.from ? vnMidnight(f.from) : undefined,
      toIso: f.to ? vnMidnight(f.to, 1) : undefined
    },
    AUDIT_PAGE + 1,
    (f.page - 1) * AUDIT_PAGE
  );
  const page = rows.slice(0, AUDIT_PAGE);
  // One lookup per kind for the whole page, not per row.
  const all = await nameValues(
    db,
    page.flatMap((r) => diff(r.before_json, r.after_json))
  );
  let offset = 0;
  return {
    events: page.map((r) => {
      const n = diff(r.before_json, r.after_json).length;
      const changes = all.slice(offset, (offset += n));
      return {
        id: r.id,
        at: r.at,
        actor: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        note: r.note,
        changes
      };
    }),
    hasNext: rows.length > AUDIT_PAGE
  };
}

export async function auditFilterOptions(db: Db, actor: Actor) {
  requireAdmin(actor);
  return {
    entityTypes: await distinctAuditValues(db, 'entity_type'),
    actions: await distinctAuditValues(db, 'action')
  };
}
