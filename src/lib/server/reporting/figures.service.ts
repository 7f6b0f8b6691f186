/**
 * The figures a report quotes, for an organisation's subtree and a period, against the
 * geography in force on the period's last day (so a report on 2024 data after the 2025
 * merger counts each commune where it lies now). Indicator values come from the
 * pre-aggregates through the roll-up engine, over the months the period closes (see
 * aggregateMonths); targets from the organisation's yearly plan; citizen reports are counted
 * by day. Each figure carries the list it was counted from, so an officer can check it.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { orgContext } from '$lib/server/program/rollup/rollup.service';
import { rollupOrgIndicators } from '$lib/server/program/rollup/rollup-many.service';
import { childOfMany } from '$lib/server/program/rollup/rollup.repository';
import { aggregateMonths, type Period } from '$lib/shared/reporting/periods';
import type { Figure, Figures } from '$lib/shared/reporting/figures';
import { READ } from './policy';
import * as repo from './reporting.repository';
import { placeFigures, REPORT_CODES, REPORT_LINK, sanctionsOf, type Members } from './outcome-figures';
import { emulationReportFigures } from './emulation-figures';

/** "Trong đó" figures under outreach_participants: computed indicators kept off plans (migration 062). */
const DETAILS = ['outreach_elderly', 'outreach_women', 'outreach_ethnic'];
/** Citizen-report and outcome figures: computed indicators kept off plans too (migration 135). */
const REPORTS: readonly string[] = REPORT_CODES;

/** Which list shows the records behind an indicator, and its filter. */
const LINKS: Record<string, { path: string; kind?: string }> = {
  outreach_sessions: { path: '/program/activities', kind: 'outreach' },
  outreach_participants: { path: '/program/activities', kind: 'outreach' },
  outreach_elderly: { path: '/program/activities', kind: 'outreach' },
  outreach_women: { path: '/program/activities', kind: 'outreach' },
  outreach_ethnic: { path: '/program/activities', kind: 'outreach' },
  elderly_participants: { path: '/program/activities' },
  trainings: { path: '/program/activities', kind: 'training' },
  training_participants: { path: '/program/activities', kind: 'training' },
  campaign_days: { path: '/program/activities', kind: 'campaign_day' },
  commitments_households: { path: '/program/commitments' },
  commitments_persons: { path: '/program/commitments' },
  new_models: { path: '/program/models' },
  active_models: { path: '/program/models' }
};

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const lastOfMonth = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

function linkFor(code: string, months: { from: string; to: string }): string | null {
  const l = LINKS[code];
  if (!l) return null;
  const q = new URLSearchParams();
  if (l.kind) q.set('kind', l.kind);
  q.set('from', dmy(`${months.from}-01`));
  q.set('to', dmy(lastOfMonth(months.to)));
  return `${l.path}?${q}`;
}

const percent = (actual: number, target: number | null) =>
  target && target > 0 ? Math.round((actual / target) * 1000) / 10 : null;

/**
 * The member units of `orgId` as the roll-up counts them on `asOf` (a closed organisation's
 * records go to its successor), so citizen-report figures split the way the indicators do.
 */
async function membersOf(db: Db, actor: Actor, orgId: string, asOf: string): Promise<Members> {
  const ctx = await orgContext(db, actor, orgId, asOf);
  const heir = (o: string) => ctx.heirs.heirOf.get(o) ?? o;
  return {
    children: ctx.children.filter((c) => !ctx.heirs.closed.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
    placeAll: async (ids) => {
      const childOf = await childOfMany(db, orgId, ids.map(heir));
      return new Map(ids.flatMap((o) => (childOf.has(heir(o)) ? [[o, childOf.get(heir(o))!] as const] : [])));
    }
  };
}

/** The live figures of `orgId` for `period`, within what `actor` may read. */
export async function computeFigures(db: Db, actor: Actor, orgId: string, period: Period): Promise<Figures> {
  requireAction(actor, READ);
  await assertInScope(db, actor, READ, orgId); // another scope's organisation answers 404
  const months = aggregateMonths(period);
  // The subtree of orgId, cut to what the reader may see (a province officer reading a
  // commune's report sees that commune's records).
  const orgs = repo.subtreeOf(db, orgId, actor.kind === 'system' ? undefined : scopeSubquery(db, actor, READ));
  const [indicators, targets, members] = await Promise.all([
    repo.computedIndicators(db, [...DETAILS, ...REPORTS]),
    repo.yearTargets(db, orgId, period.year),
    membersOf(db, actor, orgId, period.end)
  ]);
  // every indicator in one pass over the pre-aggregates (none when the period closes no month)
  const [rolled, sanctions, emulation] = await Promise.all([
    months
      ? rollupOrgIndicators(db, actor, orgId, indicators, { from: months.from, to: months.to, asOf: period.end })
      : null,
    sanctionsOf(db, orgs, months),
    emulationReportFigures(db, actor, orgId, months, orgs, members)
  ]);
  const figures: Figure[] = indicators.map((ind) => {
    const r = rolled?.results.get(ind.code) ?? { total: 0, children: [] };
    const target = targets.get(ind.code) ?? null;
    return {
      code: ind.code,
      name: ind.name_vi,
      unit: ind.unit,
      value: r.total,
      target,
      percent: percent(r.total, target),
      link: REPORTS.includes(ind.code) ? REPORT_LINK : months ? linkFor(ind.code, months) : null,
      children: r.children.map((c) => ({ id: c.id, name: c.name, value: c.value }))
    };
  });
  const details = figures.filter((f) => DETAILS.includes(f.code));
  const base = figures.filter((f) => !DETAILS.includes(f.code) && !REPORTS.includes(f.code));
  // in the order a report lists them, whatever the indicators' sort order
  const reports = REPORTS.map((code) => figures.find((f) => f.code === code)).filter((f): f is Figure => !!f);
  return {
    months,
    asOf: period.end,
    figures: placeFigures([...base, ...reports, ...emulation], details),
    sanctions
  };
}

/** Live minus frozen, per figure that moved (what "số liệu đã thay đổi từ khi gửi" shows). */
export function differences(frozen: Figures, live: Figures) {
  const before = new Map(frozen.figures.map((f) => [f.code, f.value]));
  return live.figures
    .map((f) => ({ code: f.code, name: f.name, unit: f.unit, frozen: before.get(f.code) ?? 0, live: f.value }))
    .filter((d) => d.frozen !== d.live)
    .map((d) => ({ ...d, change: d.live - d.frozen }));
}
