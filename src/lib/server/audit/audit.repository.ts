import type { Db } from '$lib/server/db';
import { ilike } from '$lib/server/db/dialect';
import type { AuditEventTable } from '$lib/server/db/schema';
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
  if (f.actor) q = q.where('actor_name', ilike(db), `%${escapeLike(f.actor)}%`);
  if (f.entityId) q = q.where('entity_id', ilike(db), `%${escapeLike(f.entityId)}%`);
  if (f.fromIso) q = q.where('at', '>=', f.fromIso);
  if (f.toIso) q = q.where('at', '<', f.toIso);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** Distinct values for the filter selects. */
export async function distinctAuditValues(db: Db, column: 'entity_type' | 'action'): Promise<string[]> {
  const rows = await db.selectFrom('audit_event').select(column).distinct().orderBy(column).execute();
  return rows.map((r) => r[column] as string);
}

const escapeLike = (s: string) => s.replace(/[%_]/g, '');
