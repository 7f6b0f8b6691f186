import type { Db } from '$lib/server/db';
import type { AuditEventTable } from '$lib/server/db/schema';

export async function insertAuditEvent(db: Db, row: AuditEventTable): Promise<void> {
  await db.insertInto('audit_event').values(row).execute();
}
