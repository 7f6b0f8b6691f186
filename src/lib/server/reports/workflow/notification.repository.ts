/** SQL for `notification` (the record of reminders and alerts, and the delivery outbox). */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { NotificationTable } from '$lib/server/db/schema';

/** Inserts unless a row with the same dedupe key exists; true when inserted. */
export async function insertNotificationOnce(db: Db, row: Insertable<NotificationTable>): Promise<boolean> {
  const res = await db
    .insertInto('notification')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listNotifications(
  db: Db,
  filter: { day?: string; kind?: NotificationTable['kind']; reportId?: string } = {}
) {
  let q = db.selectFrom('notification').selectAll();
  if (filter.day) q = q.where('day', '=', filter.day);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.reportId) q = q.where('report_id', '=', filter.reportId);
  return q.orderBy('created_at').execute();
}
