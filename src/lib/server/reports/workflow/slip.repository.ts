/** SQL for forwarding slips: which association forwarded a report. */
import { collate } from '$lib/server/db/dialect';
import type { Db } from '$lib/server/db';

/** The organisation that made the last forwarding step (the province Hội for an escalated case). */
export async function forwardingOrg(db: Db, reportId: string): Promise<string | null> {
  const row = await db
    .selectFrom('report_event')
    .select('actor_org_id')
    .where('report_id', '=', reportId)
    .where('kind', '=', 'forward')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.actor_org_id ?? null;
}

/** A commune association and a category, for the sample slip of an install with no report yet. */
export async function sampleCommuneAndCategory(db: Db) {
  const [org, category] = await Promise.all([
    db
      .selectFrom('organisation as o')
      .innerJoin('admin_unit as u', 'u.id', 'o.admin_unit_id')
      .select(['o.id', 'o.admin_unit_id'])
      .where('o.kind', '=', 'association')
      .where('u.level', '=', 'commune')
      .orderBy(collate(db, 'o.sort_key'))
      .executeTakeFirst(),
    db.selectFrom('category').select('id').orderBy('code').executeTakeFirst()
  ]);
  return org && category ? { org, category } : null;
}
