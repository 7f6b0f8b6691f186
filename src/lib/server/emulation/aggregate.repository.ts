/**
 * The emulation pre-aggregate `agg_emu_month`, kept in step by the services in the same
 * transaction as each write (as the program's `agg_unit_month` is): the figures of the touched
 * registrations are read before and after the write and only the difference is added, with an
 * atomic upsert so concurrent councils never lose a count.
 *
 * What counts, per registration (month = 'YYYY-MM'; organisation = the one that registered it):
 * - registered: the month it was entered;
 * - evaluated / passed: a council decided (passed when it passed), in the month of the last
 *   council meeting that voted on it;
 * - award:<form>: an award in force, in the month of its decision (a revocation takes it out).
 */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import type { AggEmuMonthTable } from '$lib/server/db/schema';

export type Cell = AggEmuMonthTable;
const KEY = ['indicator_code', 'subject_kind', 'organisation_id', 'month'] as const;
const monthOf = (d: string | Date) => (d instanceof Date ? d.toISOString() : String(d)).slice(0, 7);

/** The raw facts behind the cells of these registrations. */
export async function factsOf(db: Db, ids: string[]) {
  if (!ids.length) return [];
  const regs = await db
    .selectFrom('emu_registration as r')
    .select(['r.id', 'r.subject_kind', 'r.organisation_id', 'r.created_at', 'r.result'])
    .select((eb) =>
      eb
        .selectFrom('emu_vote as v')
        .innerJoin('emu_council as c', 'c.id', 'v.council_id')
        .select((e) => e.fn.max('c.meeting_on').as('m'))
        .whereRef('v.registration_id', '=', 'r.id')
        .as('evaluated_on')
    )
    .where('r.id', 'in', ids)
    .execute();
  const awards = await db
    .selectFrom('emu_award')
    .select(['registration_id', 'award_form', 'decided_on'])
    .where('registration_id', 'in', ids)
    .where('revoked_at', 'is', null)
    .execute();
  return regs.map((r) => ({ ...r, awards: awards.filter((a) => a.registration_id === r.id) }));
}

type Facts = Awaited<ReturnType<typeof factsOf>>[number];

/** What one registration adds to the pre-aggregate. */
export function cellsOf(f: Facts): Cell[] {
  const cell = (code: string, on: string | Date): Cell => ({
    indicator_code: code,
    subject_kind: f.subject_kind,
    organisation_id: f.organisation_id,
    month: monthOf(on),
    value: 1
  });
  const out = [cell('registered', f.created_at)];
  if (f.result && f.evaluated_on) {
    out.push(cell('evaluated', f.evaluated_on));
    if (f.result === 'passed') out.push(cell('passed', f.evaluated_on));
  }
  for (const a of f.awards) out.push(cell(`award:${a.award_form}`, a.decided_on));
  return out;
}

const keyOf = (c: Cell) => KEY.map((k) => c[k]).join('|');

/** after − before, merged per cell, zeros dropped. */
export function difference(before: Cell[], after: Cell[]): Cell[] {
  const sum = new Map<string, Cell>();
  const add = (c: Cell, sign: number) => {
    const cur = sum.get(keyOf(c));
    if (cur) cur.value += sign * c.value;
    else sum.set(keyOf(c), { ...c, value: sign * c.value });
  };
  before.forEach((c) => add(c, -1));
  after.forEach((c) => add(c, 1));
  return [...sum.values()].filter((c) => c.value !== 0);
}

export async function addCells(db: Db, cells: Cell[]): Promise<void> {
  for (const c of cells) {
    await db
      .insertInto('agg_emu_month')
      .values(c)
      .onConflict((oc) =>
        oc.columns([...KEY]).doUpdateSet({ value: (eb) => eb('agg_emu_month.value', '+', eb.ref('excluded.value')) })
      )
      .execute();
  }
  // Cells back at zero go, so the table equals a GROUP BY over the raw records.
  if (cells.length) await db.deleteFrom('agg_emu_month').where('value', '=', 0).execute();
}

/** Runs a write and adds what it changed for these registrations (ids may be known only after). */
export async function withEmuCells<T>(
  tx: Db,
  ids: string[],
  write: () => Promise<T>,
  idsAfter: (result: T) => string[] = () => ids
): Promise<T> {
  const before = (await factsOf(tx, ids)).flatMap(cellsOf);
  const result = await write();
  const after = (await factsOf(tx, idsAfter(result))).flatMap(cellsOf);
  await addCells(tx, difference(before, after));
  return result;
}

export interface EmuSums {
  indicator_code: string;
  subject_kind: string;
  value: number;
}

/** Sums over an organisation subtree and a month range, within the reader's scope. */
export async function sumsIn(db: Db, rootOrgId: string, scope: OrgScope, from: string, to: string) {
  const rows = await db
    .selectFrom('agg_emu_month as g')
    .innerJoin('organisation_closure as oc', 'oc.descendant_id', 'g.organisation_id')
    .select(['g.indicator_code', 'g.subject_kind', (eb) => eb.fn.sum<number>('g.value').as('value')])
    .where('oc.ancestor_id', '=', rootOrgId)
    .where('g.organisation_id', 'in', scope)
    .where('g.month', '>=', from)
    .where('g.month', '<=', to)
    .groupBy(['g.indicator_code', 'g.subject_kind'])
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** Every cell, straight from the raw records: the definition tests compare the table with. */
export async function naiveCells(db: Db): Promise<Cell[]> {
  const ids = (await db.selectFrom('emu_registration').select('id').execute()).map((r) => r.id);
  const out: Cell[] = [];
  for (let i = 0; i < ids.length; i += 400) out.push(...(await factsOf(db, ids.slice(i, i + 400))).flatMap(cellsOf));
  return difference([], out);
}
