/**
 * Browsing the audit trail (read-only). Administrators see events of organisations in their
 * scope and events tied to no organisation (accounts, tokens, settings).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { scopeSubquery } from '$lib/server/access/access';
import { readJson } from '$lib/server/db/dialect';
import { requireAdmin } from '$lib/server/accounts/admin.policy';
import { distinctAuditValues, searchAuditEvents } from './audit.repository';
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
  return {
    events: rows.slice(0, AUDIT_PAGE).map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      note: r.note,
      changes: diff(r.before_json, r.after_json)
    })),
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
