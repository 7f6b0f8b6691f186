/**
 * Emulation figures for the program dashboard, from the pre-aggregate: registered, evaluated
 * and passed per kind of subject (with the share of the subtree's members or branches that
 * reached the title) and awards in force by form, for an organisation subtree and a month
 * range. Each number links to the list of the records behind it (`figureRecords`).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { SUBJECT_KINDS, type SubjectKind } from '$lib/shared/emulation/rules';
import * as agg from './aggregate.repository';
import { populationOf, registrationsUnder } from './figures.repository';
import { READ } from './policy';

export const STEPS = ['registered', 'evaluated', 'passed'] as const;
const share = (n: number, of: number) => (of ? Math.round((n * 1000) / of) / 10 : null);

export async function emulationFigures(db: Db, actor: Actor, orgId: string, from: string, to: string) {
  if (!can(actor, READ)) return null;
  // The subtree's population is not the reader's to see outside their scope.
  if (!(await inScope(db, actor, READ, orgId))) throw notFound();
  const sums = await agg.sumsIn(db, orgId, scopeSubquery(db, actor, READ), from, to);
  const get = (code: string, kind?: string) =>
    sums
      .filter((s) => s.indicator_code === code && (!kind || s.subject_kind === kind))
      .reduce((t, s) => t + s.value, 0);
  const population = await populationOf(db, orgId);
  // Households and environment collectives have no count to be a share of.
  const ofKind: Partial<Record<SubjectKind, number>> = {
    person: population.members,
    branch: population.branches,
    commune: population.communes
  };
  const bySubject = SUBJECT_KINDS.map((kind) => {
    const passed = get('passed', kind);
    const of = ofKind[kind] ?? 0;
    return {
      kind,
      registered: get('registered', kind),
      evaluated: get('evaluated', kind),
      passed,
      passedShare: share(passed, of)
    };
  });
  const awards = sums
    .filter((s) => s.indicator_code.startsWith('award:'))
    .reduce<Record<string, number>>((acc, s) => {
      const form = s.indicator_code.slice('award:'.length);
      acc[form] = (acc[form] ?? 0) + s.value;
      return acc;
    }, {});
  return {
    orgId,
    from,
    to,
    population,
    bySubject,
    awards: Object.entries(awards)
      .map(([form, count]) => ({ form, count }))
      .sort((a, b) => b.count - a.count || a.form.localeCompare(b.form))
  };
}

export type EmulationFigures = NonNullable<Awaited<ReturnType<typeof emulationFigures>>>;

/**
 * The registrations behind one figure: same subtree, months and rule as the pre-aggregate
 * (its cells are recomputed from the raw records), within the reader's scope.
 */
export async function figureRecords(
  db: Db,
  actor: Actor,
  q: { org: string; from: string; to: string; code: string; kind: SubjectKind | null }
) {
  requireAction(actor, READ);
  if (!(await inScope(db, actor, READ, q.org))) throw notFound();
  const rows = await registrationsUnder(db, q.org, scopeSubquery(db, actor, READ), q.kind);
  const facts = await agg.factsOf(
    db,
    rows.map((r) => r.id)
  );
  const hit = new Set(
    facts
      .filter((f) => agg.cellsOf(f).some((c) => c.indicator_code === q.code && c.month >= q.from && c.month <= q.to))
      .map((f) => f.id)
  );
  return rows.filter((r) => hit.has(r.id));
}
