import type { Db } from '$lib/server/db';
import type { AuditEventTable } from '$lib/server/db/schema';
import { containsIgnoringCase } from '$lib/server/db/predicates';
import type { OrgScope } from '$lib/server/access/access';

export async function insertAuditEvent(db: Db, row: AuditEventTable): Promise<void> {
  await db.insertInto('audit_event').values(row).execute();
}

/** Read side. There is deliberately no update or delete function for audit rows. */
export interface AuditFilter {
  entityType?: string;
  action?: string;
  actor?: string;
  fromIso?: string;
  toIso?: string;
  entityId?: string;
}

export async function searchAuditEvents(db: Db, scope: OrgScope | null, f: AuditFilter, limit: number, offset: number) {
  let q = db.selectFrom('audit_event').selectAll();
  // null scope = everything (system actor); otherwise in scope, or not tied to an organisation.
  if (scope) q = q.where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', 'in', scope)]));
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actor) q = q.where(containsIgnoringCase('actor_name', f.actor));
  if (f.entityId) q = q.where(containsIgnoringCase('entity_id', f.entityId));
  if (f.fromIso) q = q.where('at', '>=', f.fromIso);
  if (f.toIso) q = q.where('at', '<', f.toIso);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** Distinct values for the filter selects. */
export async function distinctAuditValues(db: Db, column: 'entity_type' | 'action'): Promise<string[]> {
  const rows = await db.selectFrom('audit_event').select(column).distinct().orderBy(column).execute();
  return rows.map((r) => r[column] as string);
}

/** What an id stored in an audit snapshot names, per kind of thing it points at. */
export type NamedKind = 'unit' | 'org' | 'category' | 'account';

export async function namesOf(db: Db, kind: NamedKind, ids: string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const rows =
    kind === 'unit'
      ? await db.selectFrom('admin_unit').select(['id', 'full_name as name']).where('id', 'in', ids).execute()
      : kind === 'org'
        ? await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).execute()
        : kind === 'category'
          ? await db.selectFrom('category').select(['id', 'name_vi as name']).where('id', 'in', ids).execute()
          : await db.selectFrom('account').select(['id', 'display_name as name']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
