/**
 * Several indicators of one organisation's subtree in one pass (the program dashboard shows a
 * dozen): scope, heirs, children and lift-safety are asked once, and the rows of all indicators
 * come from one grouped query per table and kind (flow or stock), instead of a full roll-up per
 * indicator. Same figures as rollupOrg, indicator by indicator.
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

type Indicator = Awaited<ReturnType<typeof repo.findIndicatorsByCodes>>[number];

/** Indicators that one query can answer: same table, same period rule. */
function batches(indicators: Indicator[]) {
  const out = new Map<string, { manual: boolean; stock: boolean; list: Indicator[] }>();
  for (const i of indicators) {
    const manual = i.source === 'manual';
    const stock = i.aggregation === 'stock';
    const key = `${manual}:${stock}`;
    const batch = out.get(key) ?? { manual, stock, list: [] };
    batch.list.push(i);
    out.set(key, batch);
  }
  return [...out.values()];
}

export async function rollupOrgMany(
  db: Db,
  actor: Actor,
  orgId: string,
  codes: string[],
  q: Omit<RollupQuery, 'indicator' | 'org'>
): Promise<Map<string, RollupResult>> {
  requireAction(actor, READ);
  await assertInScope(db, actor, READ, orgId);
  const indicators = await repo.findIndicatorsByCodes(db, [...new Set(codes)]);
  if (indicators.length !== new Set(codes).size) throw notFound();
  const ctx = await orgContext(db, actor, orgId, q.asOf ?? todayVn());
  const lifted = indicators.some((i) => i.source !== 'manual') && (await liftSafe(db, ctx.distinct));
  const rows = (
    await Promise.all(
      batches(indicators).map(({ manual, stock, list }) =>
        sourceMany(
          db,
          {
            ...filter(db, actor, orgId, { ...q, indicator: '' }, stock, lifted && !manual, ctx.inherited),
            indicators: list.map((i) => (manual ? i.id : i.code))
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
  const out = new Map<string, RollupResult>();
  for (const ind of indicators) {
    const key = ind.source === 'manual' ? ind.id : ind.code;
    const own = rows.filter((r) => r.indicator === key);
    out.set(ind.code, orgSummary(orgId, ctx, ind, own, childOf, !!q.byMonth));
  }
  return out;
}
