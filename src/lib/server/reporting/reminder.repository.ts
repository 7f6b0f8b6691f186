/** The notifier's outbox, for reminders about reports due (delivered by the notifier's run). */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { NotificationTable } from '$lib/server/db/schema';

export async function insertNotificationOnce(db: Db, row: Insertable<NotificationTable>): Promise<boolean> {
  const res = await db
    .insertInto('notification')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
