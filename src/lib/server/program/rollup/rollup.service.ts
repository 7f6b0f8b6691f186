/**
 * Indicator values for an admin-unit subtree or an organisation subtree, over a period of
 * months, against the geography in force on `asOf`. Reads the pre-aggregates (or manual
 * values), never the raw rows; only records of organisations in the actor's read scope count.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, requireAction, scopeRoots, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { liftSafe } from './aggregate-commune.repository';
import { aggregateSource, manualSource, orgSubquery, type SourceFilter, type SourceRow } from './aggregate.repository';
import { geoIndex } from './geo-index';
import { heirsAt } from './rollup-heirs';
import * as repo from './rollup.repository';
import { READ } from '../policy';

export interface RollupQuery {
  indicator: string;
  /** inclusive 'YYYY-MM' months; stock indicators ignore `from` (value at the end of `to`) */
  from: string;
  to: string;
  /** geography date 'YYYY-MM-DD'; default today */
  asOf?: string;
  /** also return the per-month series */
  byMonth?: boolean;
  /** rollupUnit only: count only records of this organisation's subtree */
  org?: string;
}

export interface Part {
  id: string;
  name: string;
  value: number;
}

export interface RollupResult {
  indicator: { code: string; name_vi: string; name_en: string; unit: string; aggregation: string };
  total: number;
  /** recorded directly on the root (unit or organisation), not on a child */
  own: number;
  children: Part[];
  months: { month: string; value: number }[];
}

/** Where the rows come from: the pre-aggregates by default; the bench swaps in raw GROUP BYs. */
export type Source = (
  db: Db,
  f: SourceFilter,
  indicator: { code: string; id: string; source: string }
) => Promise<SourceRow[]>;
const defaultSource: Source = (db, f, ind) =>
  ind.source === 'manual'
    ? manualSource(db, { ...f, indicator: ind.id })
    : aggregateSource(db, f, f.lifted ? 'agg_commune_month' : 'agg_unit_month');

/** The indicator with this code; NOT_FOUND when there is none. */
export async function findIndicator(db: Db, code: string) {
  const ind = await repo.findIndicatorByCode(db, code);
  if (!ind) throw notFound();
  return ind;
}
const load = findIndicator;

/** Sum rows into total / own / children / months, given where each row falls (null = outside). */
function summarise(
  rows: SourceRow[],
  place: (r: SourceRow) => string | null | undefined,
  rootId: string,
  byMonth: boolean
) {
  let total = 0;
  let own = 0;
  const parts = new Map<string, number>();
  const months = new Map<string, number>();
  for (const r of rows) {
    const where = place(r);
    if (where === null || where === undefined) continue;
    total += r.value;
    if (where === rootId) own += r.value;
    else parts.set(where, (parts.get(where) ?? 0) + r.value);
    if (byMonth && r.month) months.set(r.month, (months.get(r.month) ?? 0) + r.value);
  }
  const series = [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, value]) => ({ month, value }));
  return { total, own, parts, months: series };
}

export function filter(
  db: Db,
  actor: Actor,
  rootOrg: string | null,
  q: RollupQuery,
  stock: boolean,
  lifted: boolean,
  inherited: string[] = []
): SourceFilter {
  // the system actor reads everything: no scope filter (at national scale it is a costly no-op)
  const orgs = orgSubquery(db, rootOrg, actor.kind === 'system' ? null : scopeSubquery(db, actor, READ), inherited);
  return { indicator: q.indicator, from: stock ? null : q.from, to: q.to, orgs, byMonth: q.byMonth, lifted };
}

const info = (i: Awaited<ReturnType<typeof load>>) => ({
  code: i.code,
  name_vi: i.name_vi,
  name_en: i.name_en,
  unit: i.unit,
  aggregation: i.aggregation
});

/** Value under admin unit `unitId` (any level) as of `asOf`, with one row per child unit valid then. */
export async function rollupUnit(
  db: Db,
  actor: Actor,
  unitId: string,
  q: RollupQuery,
  source: Source = defaultSource
): Promise<RollupResult> {
  requireAction(actor, READ);
  if (q.org) await assertInScope(db, actor, READ, q.org);
  const ind = await load(db, q.indicator);
  const [unit] = await repo.findUnitBasics(db, [unitId]);
  return (await unitRollup(db, actor, unitId, unit, ind, q, { source })).result;
}

type Indicator = Awaited<ReturnType<typeof load>>;
type UnitRow = Awaited<ReturnType<typeof repo.findUnitBasics>>[number];

/**
 * rollupUnit once the caller has checked the actor and the organisation and read the unit
 * (undefined when it does not exist) and the indicator. `liftSafe: true` says the caller
 * already knows the commune-level table can answer for the actor's scope and `q.org`. Also
 * returns the child units' rows (names and centres) for callers that show them.
 */
export async function unitRollup(
  db: Db,
  actor: Actor,
  unitId: string,
  unit: { level: string } | undefined,
  ind: Indicator,
  q: RollupQuery,
  opts: { source?: Source; liftSafe?: boolean } = {}
): Promise<{ result: RollupResult; units: UnitRow[] }> {
  const asOf = q.asOf ?? todayVn();
  // Above communes the children are communes or districts: the commune-level table answers.
  const lifted =
    !!unit &&
    unit.level !== 'commune' &&
    unit.level !== 'village' &&
    (opts.liftSafe || (await liftSafe(db, [...scopeRoots(actor, READ), ...(q.org ? [q.org] : [])])));
  const source = opts.source ?? defaultSource;
  const [rows, index, children] = await Promise.all([
    source(db, filter(db, actor, q.org ?? null, q, ind.aggregation === 'stock', lifted), ind),
    geoIndex(db),
    repo.findChildUnitsAt(db, unitId, asOf)
  ]);
  const place = (r: SourceRow) => {
    const chain = index.chainAt(r.admin_unit_id, asOf);
    const i = chain.indexOf(unitId);
    return i < 0 ? null : i === 0 ? unitId : chain[i - 1];
  };
  const s = summarise(rows, place, unitId, !!q.byMonth);
  const missing = [...s.parts.keys()].filter((id) => !children.some((c) => c.id === id));
  const all = [...children, ...(await repo.findUnitBasics(db, missing))];
  const result = {
    indicator: info(ind),
    total: s.total,
    own: s.own,
    months: s.months,
    children: all.map((c) => ({ id: c.id, name: c.full_name, value: s.parts.get(c.id) ?? 0 }))
  };
  return { result, units: all };
}

/** What an organisation roll-up needs besides the rows: heirs, children, inherited subtrees. */
export interface OrgContext {
  heirs: Awaited<ReturnType<typeof heirsAt>>;
  children: Awaited<ReturnType<typeof repo.findChildOrgs>>;
  inherited: string[];
  /** organisations that must stay apart (if one is a village branch, the commune table cannot answer) */
  distinct: string[];
}

export async function orgContext(db: Db, actor: Actor, orgId: string, asOf: string): Promise<OrgContext> {
  const [heirs, children] = await Promise.all([heirsAt(db, asOf), repo.findChildOrgs(db, orgId)]);
  // Where the heirs and the closed organisations sit in this subtree, in one lookup.
  const placed = await repo.childOfMany(db, orgId, [...heirs.heirOf.values(), ...heirs.closedRoots]);
  // only closed organisations whose heir lies in this subtree bring rows in
  const inherited = heirs.closedRoots.filter((c) => placed.has(heirs.heirOf.get(c)!) || heirs.heirOf.get(c) === orgId);
  const closedInside = placed;
  // The commune-level table folds branches into their parents: fine unless a branch must be told apart.
  const distinct = [
    orgId,
    ...children.map((c) => c.id),
    ...scopeRoots(actor, READ),
    ...heirs.closedRoots.filter((c) => inherited.includes(c) || closedInside.has(c))
  ];
  return { heirs, children, inherited, distinct };
}

/** The organisation whose place a row's organisation takes (itself unless closed). */
export const heirOfRow = (ctx: OrgContext, r: SourceRow) =>
  ctx.heirs.heirOf.get(r.organisation_id) ?? r.organisation_id;

/** Rows of one indicator summed under `orgId` and its open children (`childOf`: org → child). */
export function orgSummary(
  orgId: string,
  ctx: OrgContext,
  ind: Awaited<ReturnType<typeof load>>,
  rows: SourceRow[],
  childOf: Map<string, string>,
  byMonth: boolean
): RollupResult {
  const place = (r: SourceRow) => {
    const o = heirOfRow(ctx, r);
    return o === orgId ? orgId : childOf.get(o);
  };
  const s = summarise(rows, place, orgId, byMonth);
  return {
    indicator: info(ind),
    total: s.total,
    own: s.own,
    months: s.months,
    children: ctx.children
      .filter((c) => !ctx.heirs.closed.has(c.id))
      .map((c) => ({ id: c.id, name: c.name, value: s.parts.get(c.id) ?? 0 }))
  };
}

/**
 * Value for organisation `orgId`'s subtree, with one row per direct child organisation. As of
 * `asOf`, closed organisations count under their successor (rollup-heirs.ts) and closed
 * children that have one are left out of the child rows. Several indicators at once:
 * rollupOrgMany (rollup-many.service.ts).
 */
export async function rollupOrg(
  db: Db,
  actor: Actor,
  orgId: string,
  q: RollupQuery,
  source: Source = defaultSource
): Promise<RollupResult> {
  requireAction(actor, READ);
  await assertInScope(db, actor, READ, orgId);
  const ind = await load(db, q.indicator);
  const ctx = await orgContext(db, actor, orgId, q.asOf ?? todayVn());
  const lifted = ind.source !== 'manual' && (await liftSafe(db, ctx.distinct));
  const rows = await source(db, filter(db, actor, orgId, q, ind.aggregation === 'stock', lifted, ctx.inherited), ind);
  const childOf = await repo.childOfMany(
    db,
    orgId,
    rows.map((r) => heirOfRow(ctx, r))
  );
  return orgSummary(orgId, ctx, ind, rows, childOf, !!q.byMonth);
}
