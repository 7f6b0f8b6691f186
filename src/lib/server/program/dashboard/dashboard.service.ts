/**
 * The program dashboard of one organisation over a period, as of a date: targets against
 * actuals, the monthly trend, its child organisations side by side, a map and the overdue
 * reports. Actuals come from the roll-up engine (pre-aggregates); everything is limited to the
 * actor's read scope, and an organisation outside it answers 404.
 */
import type { ChildLine, TargetLine } from '$lib/shared/program/dashboard';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, requireAction, scopeRoots, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { compareVi } from '$lib/shared/text';
import type { RollupResult } from '../rollup/rollup.service';
import { rollupOrgIndicators } from '../rollup/rollup-many.service';
import { monthsBetween, type DashboardQuery } from './dashboard.query';
import { dashboardMap } from './dashboard-map';
import { overdueReports } from './dashboard-overdue';
import * as repo from './dashboard.repository';
import { READ } from '../policy';

/** Columns of the child table when the organisation has no plan for the year. */
const DEFAULT_COLUMNS = [
  'outreach_sessions',
  'outreach_participants',
  'trainings',
  'commitments_households',
  'new_models'
];

export type { ChildLine, TargetLine };

export const percentOf = (actual: number, target: number | null) =>
  target && target > 0 ? Math.round((actual / target) * 1000) / 10 : null;

/** The actor's top organisation: the first grant root that reads, else the first in the list. */
function defaultOrg(actor: Actor, orgs: { id: string }[]): string | null {
  return scopeRoots(actor, READ)[0] ?? orgs[0]?.id ?? null;
}

/** Child rows sorted by name (Vietnamese order) or by an indicator column, ties by name. */
export function sortChildren(rows: ChildLine[], sort: string, dir: 'asc' | 'desc'): ChildLine[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: ChildLine, b: ChildLine) => compareVi(a.name, b.name);
  return [...rows].sort((a, b) => {
    const primary = sort === 'name' ? byName(a, b) : (a.values[sort] ?? 0) - (b.values[sort] ?? 0);
    return primary !== 0 ? sign * primary : byName(a, b);
  });
}

function childLines(results: Map<string, RollupResult>, codes: string[]): ChildLine[] {
  const lines = new Map<string, ChildLine>();
  for (const code of codes) {
    for (const c of results.get(code)?.children ?? []) {
      const line = lines.get(c.id) ?? { id: c.id, name: c.name, values: {} };
      line.values[code] = c.value;
      lines.set(c.id, line);
    }
  }
  return [...lines.values()];
}

export async function loadDashboard(db: Db, actor: Actor, q: DashboardQuery) {
  requireAction(actor, READ);
  const orgs = await repo.orgsInScope(db, scopeSubquery(db, actor, READ), q.asOf);
  const orgId = q.org ?? defaultOrg(actor, orgs);
  if (!orgId) throw notFound();
  // An organisation of the picker is in scope by construction; any other is checked.
  let org = orgs.find((o) => o.id === orgId);
  if (!org) {
    await assertInScope(db, actor, READ, orgId);
    org = await repo.findOrg(db, orgId);
  }
  if (!org) throw notFound();
  const year = Number(q.to.slice(0, 4));
  const indicators = await repo.computedIndicatorsWithTargets(db, orgId, year);
  const { results, lifted } = await rollupOrgIndicators(
    db,
    actor,
    orgId,
    indicators.map((i) => i.indicator),
    { from: q.from, to: q.to, asOf: q.asOf, byMonth: true }
  );
  const lines: TargetLine[] = indicators.map(({ indicator: i, target }) => {
    const actual = results.get(i.code)!.total;
    return {
      code: i.code,
      name_vi: i.name_vi,
      name_en: i.name_en,
      unit: i.unit,
      target,
      actual,
      percent: percentOf(actual, target)
    };
  });
  const planned = lines.filter((l) => l.target !== null).map((l) => l.code);
  const columns = planned.length ? planned : DEFAULT_COLUMNS;
  const months = monthsBetween(q.from, q.to);
  const trend = columns.map((code) => {
    const byMonth = new Map(results.get(code)!.months.map((m) => [m.month, m.value]));
    return { code, values: months.map((month) => ({ month, value: byMonth.get(month) ?? 0 })) };
  });
  const indicator = q.indicator ?? columns[0];
  const known = indicators.find((i) => i.indicator.code === indicator)?.indicator;
  const [map, overdue] = await Promise.all([
    dashboardMap(db, actor, org, { ...q, indicator }, { indicator: known, liftSafe: lifted }),
    overdueReports(db, actor, orgId)
  ]);
  return {
    query: { ...q, org: orgId, indicator },
    org: { id: org.id, name: org.name },
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    year,
    hasPlan: planned.length > 0,
    lines,
    columns,
    months,
    trend,
    children: sortChildren(childLines(results, columns), q.sort, q.dir),
    map,
    overdue
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
