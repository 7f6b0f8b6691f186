/** Cooperation programs: officers who manage the owner write; anyone concerned reads. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { ProgramTable } from '$lib/server/db/schema';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { ownsFiles } from '$lib/server/db/owned-files';
import { readJson } from '$lib/server/db/dialect';
import { fold } from '$lib/shared/text';
import { formatDate } from '$lib/shared/format';
import {
  checkProgramDocument,
  readProgramDocument,
  storeProgramDocument,
  type UploadedDocument
} from './program.document';
import * as repo from './program.repository';
import { listPlanRows } from '../plans/plan.repository';
import type { ProgramInput } from './program.schema';
import { MANAGE, READ } from '../policy';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

async function check(db: Db, actor: Actor, p: ProgramInput): Promise<void> {
  if (!(await inScope(db, actor, MANAGE, p.organisation_id))) throw invalid('organisation_id', 'pp_err_owner');
  if ((await repo.countOrganisations(db, p.parties)) !== p.parties.length) throw invalid('parties', 'pp_err_parties');
}

const columns = (p: ProgramInput) => ({
  organisation_id: p.organisation_id,
  title: p.title,
  title_search: fold(p.title),
  signed_on: p.signed_on,
  period_from: p.period_from,
  period_to: p.period_to,
  objectives: p.objectives,
  content_areas: p.content_areas.length ? JSON.stringify(p.content_areas) : null
});

/** The owner is always a party too (the association that signed it). */
const partiesOf = (p: ProgramInput) => [...new Set([p.organisation_id, ...p.parties])];

export const createProgram = ownsFiles(async function createProgram(
  db: Db,
  actor: Actor,
  input: ProgramInput,
  doc: UploadedDocument | null = null
): Promise<string> {
  requireAction(actor, MANAGE);
  await check(db, actor, input);
  if (doc) checkProgramDocument(doc);
  const now = nowIso();
  const id = newId();
  const row: ProgramTable = {
    id,
    ...columns(input),
    document_path: doc ? await storeProgramDocument(id, doc) : null,
    created_at: now,
    updated_at: now
  };
  await db.transaction().execute(async (tx) => {
    await repo.insertProgram(tx, row);
    await repo.setParties(tx, id, partiesOf(input));
    await audit(tx, actor, {
      action: 'create',
      entityType: 'program',
      entityId: id,
      organisationId: row.organisation_id,
      after: { ...columns(input), parties: input.parties }
    });
  });
  return id;
});

/** A program the actor may change: its owner is in the actor's manage scope (404 otherwise). */
async function owned(db: Db, actor: Actor, id: string) {
  requireAction(actor, MANAGE);
  const row = await repo.findOwnedProgram(db, id, scopeSubquery(db, actor, MANAGE));
  if (!row) throw notFound();
  return row;
}

/** A new document replaces the old one; without one the stored document stays. */
export const updateProgram = ownsFiles(async function updateProgram(
  db: Db,
  actor: Actor,
  id: string,
  input: ProgramInput,
  doc: UploadedDocument | null = null
): Promise<void> {
  const before = await owned(db, actor, id);
  await check(db, actor, input);
  if (doc) checkProgramDocument(doc);
  const patch = {
    ...columns(input),
    document_path: doc ? await storeProgramDocument(id, doc) : before.document_path,
    updated_at: nowIso()
  };
  await db.transaction().execute(async (tx) => {
    await repo.updateProgramRow(tx, id, patch);
    await repo.setParties(tx, id, partiesOf(input));
    await audit(tx, actor, {
      action: 'update',
      entityType: 'program',
      entityId: id,
      organisationId: patch.organisation_id,
      before,
      after: { ...patch, parties: input.parties }
    });
  });
});

export async function getProgram(db: Db, actor: Actor, id: string) {
  requireAction(actor, READ);
  const scope = scopeSubquery(db, actor, READ);
  const row = await repo.findProgram(db, id, scope);
  if (!row) throw notFound();
  const [parties, plans, canManage] = await Promise.all([
    repo.findParties(db, id),
    listPlanRows(db, scope, { programId: id }),
    inScope(db, actor, MANAGE, row.organisation_id)
  ]);
  return { ...row, content_areas: readJson<string[]>(row.content_areas) ?? [], parties, plans, canManage };
}

export async function listPrograms(db: Db, actor: Actor, q = '') {
  requireAction(actor, READ);
  return repo.listProgramRows(db, scopeSubquery(db, actor, READ), q.trim() ? fold(q) : null);
}

export async function downloadProgramDocument(db: Db, actor: Actor, id: string) {
  requireAction(actor, READ);
  const row = await repo.findProgram(db, id, scopeSubquery(db, actor, READ));
  if (!row?.document_path) throw notFound();
  return readProgramDocument(row.document_path);
}

/** Selects for the program form: owners the actor manages, and possible parties. */
export async function programChoices(db: Db, actor: Actor) {
  requireAction(actor, MANAGE);
  const scope = scopeSubquery(db, actor, MANAGE);
  const [owners, parties] = await Promise.all([repo.orgsIn(db, scope), repo.partyChoices(db, scope)]);
  return { owners: owners.map((o) => ({ id: o.id, name: o.name })), parties };
}

/** The program as form values (edit page). */
export function programValues(p: Awaited<ReturnType<typeof getProgram>>) {
  return {
    title: p.title,
    organisation_id: p.organisation_id,
    parties: p.parties.map((x) => x.id).filter((x) => x !== p.organisation_id),
    signed_on: formatDate(p.signed_on),
    period_from: formatDate(p.period_from),
    period_to: formatDate(p.period_to),
    objectives: p.objectives ?? '',
    content_areas: p.content_areas.join('\n')
  };
}
