/**
 * This year's public figures for a province or a commune: reports received and handled, the
 * share handled on time, outreach sessions and people reached, households committed and
 * active models. Program figures come from the roll-up engine over the pre-aggregates; they
 * are totals the association publishes, so they are read with the system's full view.
 * Nothing here names a person or a report.
 */
import type { Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { rollupUnit } from '$lib/server/program/rollup/rollup.service';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import { PROGRAM_FIGURES, type ProgramFigure, type PublicFigures } from '$lib/shared/public/figures';
import * as repo from './public-place.repository';

export type Figures = PublicFigures;

/** 'YYYY-01-01' in Vietnam → its UTC instant (the year is a local year). */
const yearStart = (year: number) => new Date(Date.parse(`${year}-01-01T00:00:00+07:00`)).toISOString();

/** Resolved by the deadline running at that moment (resolutions without a deadline are not counted). */
export function onTimePercent(rows: { at: string; before_json: string | null }[]): number | null {
  let measured = 0;
  let onTime = 0;
  for (const r of rows) {
    const deadline = readJson<{ deadline_on?: string | null }>(r.before_json)?.deadline_on;
    if (!deadline) continue;
    measured++;
    if (todayVn(new Date(r.at)) <= deadline) onTime++;
  }
  return measured ? Math.round((onTime / measured) * 100) : null;
}

async function programFigure(db: Db, unitId: string, code: ProgramFigure, year: number, lastMonth: string) {
  const result = await rollupUnit(db, SYSTEM, unitId, { indicator: code, from: `${year}-01`, to: lastMonth });
  return result.total;
}

/**
 * Figures of `year` (default this year) for the unit `unitId` whose reports are filed under
 * the communes `communeIds` (the commune itself, or the province's communes).
 */
export async function yearFigures(db: Db, unitId: string, communeIds: string[], year?: number): Promise<Figures> {
  const today = todayVn();
  const y = year ?? Number(today.slice(0, 4));
  const lastMonth = y === Number(today.slice(0, 4)) ? today.slice(0, 7) : `${y}-12`;
  const [from, to] = [yearStart(y), yearStart(y + 1)];
  const [counts, resolutions, ...values] = await Promise.all([
    repo.reportCounts(db, communeIds, from, to),
    repo.resolutions(db, communeIds, from, to),
    ...PROGRAM_FIGURES.map((code) => programFigure(db, unitId, code, y, lastMonth))
  ]);
  return {
    year: y,
    reportsReceived: counts.received,
    reportsHandled: counts.handled,
    onTimePercent: onTimePercent(resolutions),
    program: Object.fromEntries(PROGRAM_FIGURES.map((code, i) => [code, values[i]])) as Record<ProgramFigure, number>
  };
}

/** One program figure of the year per commune of the province, for the figure's public detail. */
export async function figureByCommune(db: Db, provinceId: string, code: ProgramFigure, year?: number) {
  const today = todayVn();
  const y = year ?? Number(today.slice(0, 4));
  const lastMonth = y === Number(today.slice(0, 4)) ? today.slice(0, 7) : `${y}-12`;
  const result = await rollupUnit(db, SYSTEM, provinceId, { indicator: code, from: `${y}-01`, to: lastMonth });
  return { year: y, total: result.total, children: result.children };
}
