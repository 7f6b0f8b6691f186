/**
 * The assessments of a registration: the subject's own, and the registering level's (the branch
 * meeting's), on which the council votes and the award is decided. The rule, told on the form:
 * - the total is the sum of the points given to each criterion, each between 0 and its maximum;
 * - a criterion assessed by hand needs its points (the records cannot suggest any);
 * - more points than the records suggest for a criterion needs a written reason (the note).
 * A form always posts the points; only a service (an import, the demo seed) may give a total alone.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { audit } from '$lib/server/audit/audit.service';
import { AppError } from '$lib/server/errors';
import { nowIso } from '$lib/server/db/ids';
import * as repo from './registration.repository';
import { evaluationForm, type EvaluationLine } from './evidence.service';
import { selfWritable, writable } from './registration.service';
import type { AssessInput } from './emulation.schema';

type Scored = { score: number; points: string | null };

/** The points of each criterion, checked against the form's lines; errors name the criterion's input. */
export function scorePoints(lines: EvaluationLine[], input: AssessInput): Scored {
  // Services seeding or importing a total without a breakdown (the forms always post the points).
  if (!input.points) return { score: input.score ?? 0, points: null };
  const fields: Record<string, string> = {};
  const params: Record<string, Record<string, unknown>> = {};
  const given: Record<string, number> = {};
  let above = false;
  for (const l of lines) {
    const raw = (input.points[l.code] ?? '').trim();
    const field = `points_${l.code}`;
    if (raw === '' && l.suggested === null) fields[field] = 'fix10_err_points_manual';
    else if (raw !== '' && (!/^\d{1,3}$/.test(raw) || Number(raw) > l.points)) {
      fields[field] = 'fix10_err_points_range';
      params[field] = { max: l.points };
    } else {
      given[l.code] = raw === '' ? l.suggested! : Number(raw);
      if (l.suggested !== null && given[l.code] > l.suggested) above = true;
    }
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION', 'fix10_err_points', { fields, params });
  if (above && !input.note) throw reasonNeeded();
  const score = Object.values(given).reduce((s, n) => s + n, 0);
  return { score, points: JSON.stringify(given) };
}

const reasonNeeded = () => new AppError('VALIDATION', 'fix10_err_reason', { field: 'note' });

async function scored(db: Db, actor: Actor, id: string, input: AssessInput): Promise<Scored> {
  const form = await evaluationForm(db, actor, id);
  return scorePoints(form.lines, input);
}

/** The subject's own assessment: by the member herself, or entered by the branch when she has no account. */
export async function selfAssess(db: Db, actor: Actor, id: string, input: AssessInput): Promise<void> {
  const row = await selfWritable(db, actor, id);
  const { score, points } = await scored(db, actor, id, input);
  const patch = {
    self_score: score,
    self_points: points,
    self_note: input.note,
    status: 'self_assessed',
    updated_at: nowIso()
  };
  await db.transaction().execute(async (tx) => {
    await repo.updateRegistration(tx, id, patch);
    await audit(tx, actor, {
      action: 'emu.self_assess',
      entityType: 'emu_registration',
      entityId: id,
      organisationId: row.organisation_id,
      after: patch
    });
  });
}

/** The branch meeting's assessment; the self-assessment may be skipped (e.g. for a household). */
export async function branchAssess(db: Db, actor: Actor, id: string, input: AssessInput): Promise<void> {
  const row = await writable(db, actor, id, ['registered', 'self_assessed', 'branch_assessed']);
  const { score, points } = await scored(db, actor, id, input);
  const patch = {
    branch_score: score,
    branch_points: points,
    branch_note: input.note,
    status: 'branch_assessed',
    updated_at: nowIso()
  };
  await db.transaction().execute(async (tx) => {
    await repo.updateRegistration(tx, id, patch);
    await audit(tx, actor, {
      action: 'emu.branch_assess',
      entityType: 'emu_registration',
      entityId: id,
      organisationId: row.organisation_id,
      after: patch
    });
  });
}
