/**
 * What each record adds to the computed indicators, as rows of `agg_unit_month`.
 * This is the single definition of the computed indicators: the services apply it (as
 * before/after deltas) and `naive.repository.ts` states the same rules as GROUP BY queries,
 * which tests and the bench compare against.
 *
 * - every activity: elderly_participants += count_elderly (all kinds count);
 * - outreach: outreach_sessions += 1, outreach_participants += count_total, and the groups it
 *   details (migration 062): outreach_elderly += count_elderly, outreach_women += count_women,
 *   outreach_ethnic += count_ethnic_minority;
 * - training: trainings += 1, training_participants += count_total; campaign_day: campaign_days += 1;
 * - commitment: commitments_households or commitments_persons += 1 (month signed);
 * - model: new_models += 1 (month started); active_models is a stock: +1 in the month started,
 *   -1 in the month ended_on (a paused model still exists, so it still counts).
 * Months are those of started_on / signed_on / ended_on; the unit is the record's own unit.
 */
import type { ActivityTable, AggUnitMonthTable, CommitmentTable, ModelTable } from '$lib/server/db/schema';
import { monthOf } from '$lib/shared/program/kinds';

export type Contribution = AggUnitMonthTable;

type ActivityFacts = Pick<
  ActivityTable,
  'kind' | 'organisation_id' | 'admin_unit_id' | 'started_on' | 'count_total' | 'count_elderly'
> &
  Partial<Pick<ActivityTable, 'count_women' | 'count_ethnic_minority'>>;
type CommitmentFacts = Pick<CommitmentTable, 'party' | 'organisation_id' | 'village_unit_id' | 'signed_on'>;
type ModelFacts = Pick<ModelTable, 'organisation_id' | 'admin_unit_id' | 'started_on' | 'ended_on'>;

const row = (
  code: string,
  organisation_id: string,
  admin_unit_id: string,
  date: string,
  value: number
): Contribution => ({ indicator_code: code, organisation_id, admin_unit_id, month: monthOf(date), value });

export function activityContributions(a: ActivityFacts): Contribution[] {
  const at = (code: string, value: number) => row(code, a.organisation_id, a.admin_unit_id, a.started_on, value);
  const out = [at('elderly_participants', a.count_elderly)];
  if (a.kind === 'outreach')
    out.push(
      at('outreach_sessions', 1),
      at('outreach_participants', a.count_total),
      at('outreach_elderly', a.count_elderly),
      at('outreach_women', a.count_women ?? 0),
      at('outreach_ethnic', a.count_ethnic_minority ?? 0)
    );
  if (a.kind === 'training') out.push(at('trainings', 1), at('training_participants', a.count_total));
  if (a.kind === 'campaign_day') out.push(at('campaign_days', 1));
  return out;
}

export function commitmentContributions(c: CommitmentFacts): Contribution[] {
  const code = c.party === 'household' ? 'commitments_households' : 'commitments_persons';
  return [row(code, c.organisation_id, c.village_unit_id, c.signed_on, 1)];
}

export function modelContributions(m: ModelFacts): Contribution[] {
  const out = [
    row('new_models', m.organisation_id, m.admin_unit_id, m.started_on, 1),
    row('active_models', m.organisation_id, m.admin_unit_id, m.started_on, 1)
  ];
  if (m.ended_on) out.push(row('active_models', m.organisation_id, m.admin_unit_id, m.ended_on, -1));
  return out;
}

const keyOf = (c: Contribution) => `${c.indicator_code}|${c.organisation_id}|${c.admin_unit_id}|${c.month}`;

/** after − before, merged per key, zero rows dropped: what a write must add to the aggregates. */
export function delta(before: Contribution[], after: Contribution[]): Contribution[] {
  const sum = new Map<string, Contribution>();
  const add = (c: Contribution, sign: number) => {
    const k = keyOf(c);
    const cur = sum.get(k);
    if (cur) cur.value += sign * c.value;
    else sum.set(k, { ...c, value: sign * c.value });
  };
  before.forEach((c) => add(c, -1));
  after.forEach((c) => add(c, 1));
  return [...sum.values()].filter((c) => c.value !== 0);
}
