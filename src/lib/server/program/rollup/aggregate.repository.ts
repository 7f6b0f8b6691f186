/**
 * Writes and reads of the pre-aggregate `agg_unit_month`.
 *
 * Why the services and not triggers: a trigger body is PL/pgSQL on PostgreSQL and plain SQL
 * on SQLite, so the rules would be written twice in two languages and drift. The services
 * already run every write in a transaction; they compute the before/after contributions
 * (contributions.ts) and call `applyDeltas` in that same transaction, so a failed write
 * leaves no trace in the aggregates, on both databases alike. The upsert
 * (INSERT … ON CONFLICT DO UPDATE SET value = value + excluded.value) is atomic on both,
 * so concurrent writers to the same cell do not lose updates.
 */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import type { scopeSubquery } from '$lib/server/access/access';
import { delta, type Contribution } from './contributions';
import { liftCells, rebuildCommuneAggregates } from './aggregate-commune.repository';

type Scope = ReturnType<typeof scopeSubquery>;

const KEY = ['indicator_code', 'organisation_id', 'admin_unit_id', 'month'] as const;
const CHUNK = 400;

function* chunks<T>(rows: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

type AggTable = 'agg_unit_month' | 'agg_commune_month';

/** Add merged rows to one aggregate table, then drop the cells that fell back to zero. */
export async function upsertCells(db: Db, table: AggTable, rows: Contribution[]): Promise<void> {
  if (!rows.length) return;
  let zeroed = false;
  for (const part of chunks(rows)) {
    const after = await db
      .insertInto(table)
      .values(part)
      .onConflict((oc) =>
        oc
          .columns([...KEY])
          .doUpdateSet({ value: (eb) => eb(`${table}.value` as 'agg_unit_month.value', '+', eb.ref('excluded.value')) })
      )
      .returning('value')
      .execute();
    if (after.some((r) => Number(r.value) === 0)) zeroed = true;
  }
  // Cells that fell back to zero are removed, so the table only holds non-zero facts
  // (and stays comparable with a GROUP BY over the raw rows). A new report only adds: its
  // cells all stay non-zero, and intake is spared the clean-up statement.
  if (!zeroed) return;
  const uniq = (f: (c: Contribution) => string) => [...new Set(rows.map(f))];
  for (const units of chunks(uniq((c) => c.admin_unit_id))) {
    await db
      .deleteFrom(table)
      .where('value', '=', 0)
      .where(
        'indicator_code',
        'in',
        uniq((c) => c.indicator_code)
      )
      .where(
        'month',
        'in',
        uniq((c) => c.month)
      )
      .where('admin_unit_id', 'in', units)
      .execute();
  }
}

/**
 * Add `changes` to the aggregates (merged per key first: one upsert may not touch a row twice
 * on PG), and the same changes lifted to communes to the commune-level table (migration 011).
 */
export async function applyDeltas(db: Db, changes: Contribution[], opts: { noVillages?: boolean } = {}): Promise<void> {
  const rows = delta([], changes);
  if (!rows.length) return;
  await upsertCells(db, 'agg_unit_month', rows);
  // A caller that knows none of the rows' units or organisations is at village level (a new
  // report: its commune and the commune's Hội) spares the lookup: lifting changes nothing.
  await upsertCells(db, 'agg_commune_month', opts.noVillages ? rows : await liftCells(db, rows));
}

/** Replace the whole table (bulk loads, repairs): used by bench-data and an eventual CLI. */
export async function replaceAggregates(db: Db, rows: Contribution[]): Promise<void> {
  await db.deleteFrom('agg_unit_month').execute();
  for (const part of chunks(rows, 1000)) await db.insertInto('agg_unit_month').values(part).execute();
  await rebuildCommuneAggregates(db);
}

export async function allAggregates(db: Db): Promise<Contribution[]> {
  return db
    .selectFrom('agg_unit_month')
    .selectAll()
    .orderBy('indicator_code')
    .orderBy('organisation_id')
    .orderBy('admin_unit_id')
    .orderBy('month')
    .execute();
}

export interface SourceFilter {
  /** Indicator code (computed) or id (manual). */
  indicator: string;
  /** Inclusive 'YYYY-MM' bounds; `from` null for stock indicators (everything up to `to`). */
  from: string | null;
  to: string;
  /** Subquery of organisation ids the rows must belong to (subtree ∩ actor scope). */
  orgs: ReturnType<typeof orgSubquery>;
  byMonth?: boolean;
  /** read the commune-level table (migration 011); the caller checked liftSafe */
  lifted?: boolean;
}

export interface SourceRow {
  organisation_id: string;
  admin_unit_id: string;
  month: string | null;
  value: number;
}

/**
 * Organisation ids in `rootId`'s subtree that are also in `scope`, plus the subtrees of
 * `inherited` closed organisations whose heir lies in that subtree (see rollup-heirs.ts: the
 * heir's readers read what it inherited).
 */
export function orgSubquery(db: Db, rootId: string | null, scope: Scope | null, inherited: string[] = []) {
  const q = db.selectFrom('organisation_closure').select('descendant_id');
  return q.where((eb) => {
    const own = [
      ...(scope ? [eb('descendant_id', 'in', scope)] : []),
      ...(rootId ? [eb('ancestor_id', '=', rootId)] : [])
    ];
    const mine = own.length ? eb.and(own) : eb.lit(true);
    return inherited.length ? eb.or([mine, eb('ancestor_id', 'in', inherited)]) : mine;
  });
}

/** Aggregated rows of one computed indicator, grouped by organisation and unit (and month). */
export async function aggregateSource(
  db: Db,
  f: SourceFilter,
  table: AggTable = 'agg_unit_month'
): Promise<SourceRow[]> {
  let q = (db as Db)
    .selectFrom(table as 'agg_unit_month')
    .select(['organisation_id', 'admin_unit_id', sql<number>`sum(value)`.as('value')])
    .where('indicator_code', '=', f.indicator)
    .where('month', '<=', f.to)
    .where('organisation_id', 'in', f.orgs)
    .groupBy(['organisation_id', 'admin_unit_id']);
  if (f.from) q = q.where('month', '>=', f.from);
  if (f.byMonth) q = q.select('month').groupBy('month');
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, month: (r as { month?: string }).month ?? null, value: Number(r.value) }));
}

/** Hand-entered values of a manual indicator, same shape as `aggregateSource`. */
export async function manualSource(db: Db, f: SourceFilter): Promise<SourceRow[]> {
  let q = db
    .selectFrom('manual_value')
    .select(['organisation_id', 'admin_unit_id', sql<number>`sum(value)`.as('value')])
    .where('indicator_id', '=', f.indicator)
    .where('month', '<=', f.to)
    .where('organisation_id', 'in', f.orgs)
    .groupBy(['organisation_id', 'admin_unit_id']);
  if (f.from) q = q.where('month', '>=', f.from);
  if (f.byMonth) q = q.select('month').groupBy('month');
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, month: (r as { month?: string }).month ?? null, value: Number(r.value) }));
}

export interface ManySourceFilter extends Omit<SourceFilter, 'indicator'> {
  /** Indicator codes (computed) or ids (manual) read over the period from `from` to `to`. */
  indicators: string[];
  /** Stock indicators of the same table: everything up to `to`, whatever `from` says. */
  unbounded?: string[];
}

/** `aggregateSource` / `manualSource` for several indicators at once, each row naming its own. */
export async function sourceMany(
  db: Db,
  f: ManySourceFilter,
  from: 'agg_unit_month' | 'agg_commune_month' | 'manual_value'
): Promise<(SourceRow & { indicator: string })[]> {
  const unbounded = f.unbounded ?? [];
  if (!f.indicators.length && !unbounded.length) return [];
  const key = from === 'manual_value' ? 'indicator_id' : 'indicator_code';
  let q = (db as Db)
    .selectFrom(from as 'agg_unit_month')
    .select([
      sql.ref<string>(key).as('indicator'),
      'organisation_id',
      'admin_unit_id',
      sql<number>`sum(value)`.as('value')
    ])
    .where(sql.ref(key), 'in', [...f.indicators, ...unbounded])
    .where('month', '<=', f.to)
    .where('organisation_id', 'in', f.orgs)
    .groupBy([sql.ref(key), 'organisation_id', 'admin_unit_id']);
  const start = f.from;
  if (start && f.indicators.length)
    q = q.where((eb) =>
      unbounded.length ? eb.or([eb(sql.ref(key), 'in', unbounded), eb('month', '>=', start)]) : eb('month', '>=', start)
    );
  if (f.byMonth) q = q.select('month').groupBy('month');
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, month: (r as { month?: string }).month ?? null, value: Number(r.value) }));
}
