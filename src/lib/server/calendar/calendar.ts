/** The working calendar backed by the `holiday` table (seeded from holidays-vn.ts). */
import type { Db } from '$lib/server/db';
import { nowIso } from '$lib/server/db/ids';
import { VN_HOLIDAYS } from './holidays-vn';
import { insertHolidaysIfMissing, listHolidays } from './holiday.repository';
import { toCalendar, type WorkCalendar } from './workdays';

/** Idempotent: existing dates (possibly edited by an administrator) are left alone. */
export async function seedHolidays(db: Db): Promise<void> {
  const now = nowIso();
  await insertHolidaysIfMissing(
    db,
    VN_HOLIDAYS.map((h) => ({ ...h, updated_at: now }))
  );
}

/** Days off and make-up days between two dates, ready for workdays.ts. */
export async function loadCalendar(db: Db, from: string, to: string): Promise<WorkCalendar> {
  return toCalendar(await listHolidays(db, from, to));
}
