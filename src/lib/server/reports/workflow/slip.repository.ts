/** SQL for forwarding slips: which association forwarded a report. */
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

/** For the template sample: a forwarded report if there is one, else the newest report. */
export async function sampleReport(db: Db) {
  return db
    .selectFrom('report')
    .selectAll()
    .orderBy((eb) => eb.case().when('agency_org_id', 'is not', null).then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
}
