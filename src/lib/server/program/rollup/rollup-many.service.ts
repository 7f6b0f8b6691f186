/**
 * Several indicators of one organisation's subtree in one pass (the program dashboard shows a
 * dozen): scope, heirs, children and lift-safety are asked once, and the rows of all indicators
 * come from one grouped query per table (flows over the period, stocks up to its end), instead
 * of a full roll-up per indicator. Same figures as rollupOrg, indicator by indicator.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, requireAction } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { todayVn } from '$lib/shared/format';
import { liftSafe } from './aggregate-commune.repository';
import { sourceMany } from './aggregate.repository';
import { filter, heirOfRow, orgContext, orgSummary, type RollupQuery, type RollupResult } from './rollup.service';
import * as repo from './rollup.repository';
import { READ } from '../policy';

export type Indicator = Awaited<ReturnType<typeof repo.findIndicatorsByCodes>>[number];
type ManyQuery = Omit<RollupQuery, 'indicator' | 'org'>;

/** Indicators that one query can answer: the same table (computed or manual). */
function batches(indicators: Indicator[]) {
  const out = new Map<boolean, { manual: boolean; flows: Indicator[]; stocks: Indicator[] }>();
  for (const i of indicators) {
    const manual = i.source === 'manual';
    const batch = out.get(manual) ?? { manual, flows: [], stocks: [] };
    (i.aggregation === 'stock' ? batch.stocks : batch.flows).push(i);
    out.set(manual, batch);
  }
  return [...out.values()];
}

export async function rollupOrgMany(
  db: Db,
  actor: Actor,
  orgId: string,
  codes: string[],
  q: ManyQuery
): Promise<Map<string, RollupResult>> {
  requireAction(actor, READ);
  await assertInScope(db, actor, READ, orgId);
  const indicators = await repo.findIndicatorsByCodes(db, [...new Set(codes)]);
  if (indicators.length !== new Set(codes).size) throw notFound();
  return (await rollupOrgIndicators(db, actor, orgId, indicators, q)).results;
}

/**
 * rollupOrgMany for indicators already read, once the caller has checked that the actor may
 * read and that the organisation is in scope. `lifted` says whether the commune-level table
 * could answer (then it can for any smaller set of organisations too).
 */
export async function rollupOrgIndicators(
  db: Db,
  actor: Actor,
  orgId: string,
  indicators: Indicator[],
  q: ManyQuery
): Promise<{ results: Map<string, RollupResult>; lifted: boolean }> {
  const ctx = await orgContext(db, actor, orgId, q.asOf ?? todayVn());
  const lifted = indicators.some((i) => i.source !== 'manual') && (await liftSafe(db, ctx.distinct));
  const key = (i: Indicator, manual: boolean) => (manual ? i.id : i.code);
  const rows = (
    await Promise.all(
      batches(indicators).map(({ manual, flows, stocks }) =>
        sourceMany(
          db,
          {
            ...filter(db, actor, orgId, { ...q, indicator: '' }, false, lifted && !manual, ctx.inherited),
            indicators: flows.map((i) => key(i, manual)),
            unbounded: stocks.map((i) => key(i, manual))
          },
          manual ? 'manual_value' : lifted ? 'agg_commune_month' : 'agg_unit_month'
        )
      )
    )
  ).flat();
  const childOf = await repo.childOfMany(
    db,
    orgId,
    rows.map((r) => heirOfRow(ctx, r))
  );
  const results = new Map<string, RollupResult>();
  for (const ind of indicators) {
    const own = rows.filter((r) => r.indicator === key(ind, ind.source === 'manual'));
    results.set(ind.code, orgSummary(orgId, ctx, ind, own, childOf, !!q.byMonth));
  }
  return { results, lifted };
}
