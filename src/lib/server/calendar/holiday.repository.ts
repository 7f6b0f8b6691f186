/** SQL for the admin-editable `holiday` table. */
import type { Db } from '$lib/server/db';
import type { HolidayTable } from '$lib/server/db/schema';

export async function insertHolidaysIfMissing(db: Db, rows: HolidayTable[]): Promise<void> {
  if (!rows.length) return;
  await db.insertInto('holiday').values(rows).onConflict((oc) => oc.column('date').doNothing()).execute();
}

/** Rows with from ≤ date ≤ to, in date order. */
export async function listHolidays(db: Db, from: string, to: string): Promise<Pick<HolidayTable, 'date' | 'kind' | 'name'>[]> {
  return db
    .selectFrom('holiday')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}
