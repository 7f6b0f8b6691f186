/** SQL for the admin-editable `holiday` table. */
import type { Db } from '$lib/server/db';
import type { HolidayTable } from '$lib/server/db/schema';

export async function insertHolidaysIfMissing(db: Db, rows: HolidayTable[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('holiday')
    .values(rows)
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
}

/** Rows with from ≤ date ≤ to, in date order. */
export async function listHolidays(
  db: Db,
  from: string,
  to: string
): Promise<Pick<HolidayTable, 'date' | 'kind' | 'name'>[]> {
  return db
    .selectFrom('holiday')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export async function findHoliday(db: Db, date: string) {
  return db.selectFrom('holiday').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function insertHoliday(db: Db, row: HolidayTable): Promise<void> {
  await db.insertInto('holiday').values(row).execute();
}

/** Replaces the row for `date` (the date itself may change: it is the key). */
export async function replaceHoliday(db: Db, date: string, row: HolidayTable): Promise<void> {
  await db.deleteFrom('holiday').where('date', '=', date).execute();
  await db.insertInto('holiday').values(row).execute();
}

export async function deleteHoliday(db: Db, date: string): Promise<void> {
  await db.deleteFrom('holiday').where('date', '=', date).execute();
}

/** Years that have at least one row, newest first (for the year tabs). */
export async function holidayYears(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('holiday').select('date').orderBy('date').execute();
  return [...new Set(rows.map((r) => r.date.slice(0, 4)))].reverse();
}
