/**
 * Administrators keep the public-holiday calendar: add, correct or remove a day (a lunar
 * holiday is entered as its lunar date and converted for the chosen year). Deadlines read this
 * table, so a change moves every deadline computed afterwards. Audited.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { HolidayTable } from '$lib/server/db/schema';
import { requireAdmin } from '$lib/server/accounts/admin.policy';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { nowIso } from '$lib/server/db/ids';
import { parseDate } from '$lib/shared/format';
import { lunarToSolar } from '$lib/server/calendar/lunar';
import * as repo from '$lib/server/calendar/holiday.repository';
import type { HolidayInput } from './admin.schema';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The solar date the input names. */
export function solarDateOf(input: HolidayInput): string {
  if (input.calendar === 'solar') return parseDate(input.date) ?? '';
  return lunarToSolar(Number(input.lunar_day), Number(input.lunar_month), Number(input.lunar_year));
}

export async function holidayAdminData(db: Db, actor: Actor, year: string | null) {
  requireAdmin(actor);
  const years = await repo.holidayYears(db);
  const shown =
    year && /^\d{4}$/.test(year)
      ? year
      : (years.find((y) => y === new Date().getUTCFullYear().toString()) ??
        years[0] ??
        String(new Date().getUTCFullYear()));
  return { years, year: shown, holidays: await repo.listHolidays(db, `${shown}-01-01`, `${shown}-12-31`) };
}

export async function getHoliday(db: Db, actor: Actor, date: string) {
  requireAdmin(actor);
  const row = ISO.test(date) ? await repo.findHoliday(db, date) : undefined;
  if (!row) throw notFound();
  return row;
}

/** Adds a day, or replaces the day `original` when given. Returns the stored date. */
export async function saveHoliday(
  db: Db,
  actor: Actor,
  input: HolidayInput,
  original: string | null = null
): Promise<string> {
  requireAdmin(actor);
  const before = original ? await getHoliday(db, actor, original) : null;
  const date = solarDateOf(input);
  const field = input.calendar === 'solar' ? 'date' : 'lunar_day';
  if (!ISO.test(date)) throw new AppError('VALIDATION', 'err_date', { field });
  if (date !== original && (await repo.findHoliday(db, date)))
    throw new AppError('VALIDATION', 'ra_err_holiday_taken', { field });
  const row: HolidayTable = { date, name: input.name, kind: input.kind, updated_at: nowIso() };
  const after = {
    date,
    name: input.name,
    kind: input.kind,
    ...(input.calendar === 'lunar' ? { lunar: `${input.lunar_day}/${input.lunar_month}/${input.lunar_year}` } : {})
  };
  await db.transaction().execute(async (tx) => {
    if (before) await repo.replaceHoliday(tx, before.date, row);
    else await repo.insertHoliday(tx, row);
    await audit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'holiday',
      entityId: date,
      before: before ? { date: before.date, name: before.name, kind: before.kind } : null,
      after
    });
  });
  return date;
}

export async function removeHoliday(db: Db, actor: Actor, date: string): Promise<void> {
  const before = await getHoliday(db, actor, date);
  await db.transaction().execute(async (tx) => {
    await repo.deleteHoliday(tx, date);
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'holiday',
      entityId: date,
      before: { date: before.date, name: before.name, kind: before.kind }
    });
  });
}
