/**
 * Reports upward: an organisation's officers open a report for a period (pre-filled with a
 * draft from the figures), edit its narrative, and see its figures live until they submit
 * it; from then on it shows the frozen figures and, when records changed since, the
 * difference. Reports outside the reader's scope answer 404.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { assertInScope, inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { readJson } from '$lib/server/db/dialect';
import { todayVn } from '$lib/shared/format';
import {
  addDays,
  dmy,
  dueOn,
  periodContaining,
  periodOf,
  periodTitle,
  rangePeriod,
  type Cutoff,
  type Period,
  type PeriodKind
} from '$lib/shared/reporting/periods';
import { reportSubject, type Narrative, type ReportKind } from '$lib/shared/reporting/sections';
import type { Figures } from '$lib/shared/reporting/figures';
import { documentsFor } from '$lib/server/documents';
import { listPrograms } from '$lib/server/program/programs/program.service';
import { computeFigures, differences } from './figures.service';
import { draftNarrative } from './draft-text';
import type { CreateReportInput, NarrativeInput } from './report.schema';
import { READ, REVIEW, WRITE } from './policy';
import * as repo from './reporting.repository';

export const EDITABLE = ['draft', 'returned'];

export async function cutoffOf(db: Db, orgId: string): Promise<Cutoff> {
  return (await repo.findCutoff(db, orgId)) === 'calendar' ? 'calendar' : 'decree09';
}

export async function setCutoff(db: Db, actor: Actor, orgId: string, cutoff: Cutoff): Promise<void> {
  requireAction(actor, WRITE);
  await assertInScope(db, actor, WRITE, orgId);
  await db.transaction().execute(async (tx) => {
    await repo.upsertCutoff(tx, orgId, cutoff, nowIso());
    await audit(tx, actor, {
      action: 'reporting.cutoff',
      entityType: 'organisation',
      entityId: orgId,
      organisationId: orgId,
      after: { cutoff }
    });
  });
}

/** The cut-off of every organisation the actor manages (settings page); Decree 09 unless set. */
export async function cutoffSettings(db: Db, actor: Actor, today = todayVn()) {
  requireAction(actor, WRITE);
  const orgs = await repo.orgsIn(db, scopeSubquery(db, actor, WRITE), today);
  const set = new Map(
    (
      await repo.listCutoffs(
        db,
        orgs.map((o) => o.id)
      )
    ).map((r) => [r.organisation_id, r.cutoff])
  );
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    cutoff: (set.get(o.id) === 'calendar' ? 'calendar' : 'decree09') as Cutoff
  }));
}

export function periodFor(
  input: Pick<CreateReportInput, 'period_kind' | 'year' | 'period_index' | 'start_on' | 'end_on'>,
  cutoff: Cutoff
): Period {
  if (input.period_kind === 'range') return rangePeriod(input.start_on!, input.end_on!);
  try {
    return periodOf(input.period_kind, input.year, input.period_index, cutoff);
  } catch {
    throw new AppError('VALIDATION', 'rep_err_period', { field: 'period_index' });
  }
}

export const periodOfRow = (r: repo.ReportRow): Period => ({
  kind: r.period_kind as PeriodKind,
  year: r.year,
  index: r.period_index,
  start: r.start_on,
  end: r.end_on
});

export const titleOf = (r: repo.ReportRow) => reportSubject(r.report_kind as ReportKind, periodTitle(periodOfRow(r)));

/** The program is optional: only a program's sơ kết or tổng kết names one. */
type NewReport = Omit<CreateReportInput, 'program_id'> & { program_id?: string | null };

/**
 * A program's sơ kết or tổng kết covers part or all of the program's period, never beyond it:
 * the officer is told the program's dates in the error.
 */
async function checkProgramPeriod(db: Db, actor: Actor, programId: string | null, period: Period): Promise<void> {
  if (!programId) return;
  const program = (await listPrograms(db, actor)).find((p) => p.id === programId);
  if (!program) throw new AppError('VALIDATION', 'report_err_program', { field: 'program_id' });
  const { period_from: from, period_to: to } = program;
  if (period.start < from || period.end > to)
    throw new AppError('VALIDATION', 'report_err_outside_program', {
      field: period.start < from ? 'start_on' : 'end_on',
      from: dmy(from),
      to: dmy(to)
    });
}

/** Opens the report of `organisation_id` for the period; the same period twice returns the existing one. */
export async function createReport(db: Db, actor: Actor, input: NewReport): Promise<string> {
  requireAction(actor, WRITE);
  await assertInScope(db, actor, WRITE, input.organisation_id);
  const org = await repo.findOrg(db, input.organisation_id);
  if (!org) throw notFound();
  const cutoff = await cutoffOf(db, org.id);
  const period = periodFor(input, cutoff);
  await checkProgramPeriod(db, actor, input.program_id ?? null, period);
  const existing = await repo.listReports(db, scopeSubquery(db, actor, READ), {
    orgIds: [org.id],
    start: period.start,
    end: period.end,
    reportKind: input.report_kind
  });
  if (existing[0]) return existing[0].id;
  const figures = await computeFigures(db, actor, org.id, period);
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await repo.insertReport(tx, {
      id,
      organisation_id: org.id,
      program_id: input.program_id ?? null,
      report_kind: input.report_kind,
      period_kind: period.kind,
      year: period.year,
      period_index: period.index,
      start_on: period.start,
      end_on: period.end,
      cutoff,
      due_on: dueOn(period),
      version: 1,
      supersedes_id: null,
      status: 'draft',
      narrative: JSON.stringify(draftNarrative(org.name, periodTitle(period), figures)),
      snapshot: null,
      submitted_at: null,
      submitted_by: null,
      review_comment: null,
      reviewed_at: null,
      reviewed_by: null,
      created_by: actor.accountId,
      created_at: now,
      updated_at: now
    });
    await repo.insertEvent(tx, {
      id: newId(),
      report_id: id,
      at: now,
      actor_name: actor.name,
      from_status: null,
      to_status: 'draft',
      comment: null
    });
    await audit(tx, actor, {
      action: 'reporting.create',
      entityType: 'periodic_report',
      entityId: id,
      organisationId: org.id,
      after: { start: period.start, end: period.end, kind: input.report_kind }
    });
  });
  return id;
}

/** The report as its reader may see it: 404 outside the read scope. */
export async function loadReport(db: Db, actor: Actor, id: string): Promise<repo.ReportRow> {
  requireAction(actor, READ);
  const row = await repo.findReport(db, id, scopeSubquery(db, actor, READ));
  if (!row) throw notFound();
  return row;
}

export async function saveNarrative(db: Db, actor: Actor, id: string, input: NarrativeInput): Promise<void> {
  const row = await loadReport(db, actor, id);
  await assertInScope(db, actor, WRITE, row.organisation_id);
  const narrative = Object.fromEntries(Object.entries(input).filter(([, v]) => v.trim() !== ''));
  const ok = await db.transaction().execute(async (tx) => {
    const moved = await repo.updateIfStatus(tx, id, EDITABLE, {
      narrative: JSON.stringify(narrative),
      updated_at: nowIso()
    });
    if (moved)
      await audit(tx, actor, {
        action: 'reporting.edit',
        entityType: 'periodic_report',
        entityId: id,
        organisationId: row.organisation_id
      });
    return moved;
  });
  if (!ok) throw new AppError('CONFLICT', 'rep_err_locked');
}

/** The organisations the actor may open a report for, and a proposed period (the quarter just closed). */
export async function reportChoices(db: Db, actor: Actor, today = todayVn()) {
  requireAction(actor, READ);
  const orgs = await repo.orgsIn(db, scopeSubquery(db, actor, WRITE), today);
  const first = orgs[0] ? await cutoffOf(db, orgs[0].id) : 'decree09';
  const last = periodContaining('quarter', addDays(periodContaining('quarter', today, first).start, -1), first);
  const programs = await listPrograms(db, actor);
  return { orgs, programs, proposed: { year: last.year, index: last.index } };
}

export async function listReportsFor(db: Db, actor: Actor) {
  requireAction(actor, READ);
  const rows = await repo.listReports(db, scopeSubquery(db, actor, READ));
  return rows.map((r) => ({
    id: r.id,
    organisation: r.organisation_name,
    title: titleOf(r),
    status: r.status,
    version: r.version,
    due_on: r.due_on,
    submitted_at: r.submitted_at
  }));
}

/** Everything the report page shows. */
export async function reportView(db: Db, actor: Actor, id: string) {
  const row = await loadReport(db, actor, id);
  const org = (await repo.findOrg(db, row.organisation_id))!;
  const period = periodOfRow(row);
  const [live, events, canWrite, canReview, issued] = await Promise.all([
    computeFigures(db, actor, row.organisation_id, period),
    repo.eventsOf(db, id),
    inScope(db, actor, WRITE, row.organisation_id),
    org.parent_id ? inScope(db, actor, REVIEW, org.parent_id) : Promise.resolve(false),
    documentsFor(db, 'periodic_report', [id])
  ]);
  const numbers = issued.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : 1)).map((d) => d.numberText);
  const frozen = readJson<Figures>(row.snapshot);
  return {
    report: {
      id: row.id,
      status: row.status,
      version: row.version,
      kind: row.report_kind,
      title: titleOf(row),
      start: row.start_on,
      end: row.end_on,
      cutoff: row.cutoff,
      due_on: row.due_on,
      submitted_at: row.submitted_at,
      review_comment: row.review_comment,
      supersedes_id: row.supersedes_id,
      /** every number it was issued under (each submission is a document), the latest last */
      numbers,
      organisation: { id: org.id, name: org.name }
    },
    narrative: readJson<Narrative>(row.narrative) ?? {},
    frozen,
    live,
    changes: frozen ? differences(frozen, live) : [],
    events: events.map((e) => ({ at: e.at, actor: e.actor_name, to: e.to_status, comment: e.comment })),
    can: {
      edit: canWrite && EDITABLE.includes(row.status),
      submit: canWrite && EDITABLE.includes(row.status),
      review: canReview && row.status === 'submitted',
      correct: canWrite && row.status === 'accepted'
    }
  };
}
export type ReportView = Awaited<ReturnType<typeof reportView>>;

const withoutRows = (f: Figures): Figures => ({ ...f, figures: f.figures.map((x) => ({ ...x, children: [] })) });

/**
 * A report view for its web pages, which show the totals: the rows per member unit (they
 * are the annex's Phụ lục II) stay out of the page data, which a province's hundred communes
 * times every figure would swell past the page budget.
 */
export function pageView(view: ReportView): ReportView {
  return { ...view, live: withoutRows(view.live), frozen: view.frozen && withoutRows(view.frozen) };
}
