/**
 * The yearly plan and the cooperation program as official documents: readers in scope
 * download them (as last issued, exactly as they went out, else a draft "Số: …/KH-…"), and
 * the officers who manage the plan's organisation or the program's owner issue them from
 * that organisation's register.
 */
import type { Db } from '$lib/server/db';
import { SYSTEM, type Actor } from '$lib/server/access/actor';
import { scopeSubquery } from '$lib/server/access/access';
import { AppError } from '$lib/server/errors';
import { readJson } from '$lib/server/db/dialect';
import {
  DOCX_MIME,
  KINDS,
  documentsFor,
  fileNameOf,
  issueDocument,
  issuedFile,
  renderDocx,
  type DocumentKind,
  type DocumentSpec,
  type IssuedDocument
} from '$lib/server/documents';
import { todayVn } from '$lib/shared/format';
import { getPlan } from '../plans/plan.service';
import { getProgram } from '../programs/program.service';
import { findProgram } from '../programs/program.repository';
import { READ } from '../policy';
import { firstProgramAndPlan } from './sample.repository';
import { planSpec, type PlanFacts } from './plan.document';
import { programSpec, type ProgramFacts } from './program.joint';

export const PLAN_LINK = 'plan';
export const PROGRAM_LINK = 'program';

async function planFacts(db: Db, actor: Actor, id: string): Promise<{ facts: PlanFacts; canManage: boolean }> {
  const { plan, rows, children, canManage } = await getPlan(db, actor, id);
  const program = plan.program_id ? await findProgram(db, plan.program_id, scopeSubquery(db, actor, READ)) : null;
  const facts: PlanFacts = {
    organisationId: plan.organisation_id,
    organisationName: plan.organisation_name,
    year: plan.year,
    program: program
      ? {
          title: program.title,
          signedOn: program.signed_on,
          objectives: program.objectives,
          contentAreas: readJson<string[]>(program.content_areas) ?? []
        }
      : null,
    targets: rows.filter((r) => r.target !== null || r.childrenTarget !== null),
    children: children.map((c) => c.organisation_name)
  };
  return { facts, canManage };
}

async function programFacts(db: Db, actor: Actor, id: string): Promise<{ facts: ProgramFacts; canManage: boolean }> {
  const p = await getProgram(db, actor, id);
  const owner = { id: p.organisation_id, name: p.owner_name };
  const facts: ProgramFacts = {
    title: p.title,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    objectives: p.objectives,
    contentAreas: p.content_areas,
    parties: [owner, ...p.parties.filter((x) => x.id !== owner.id)]
  };
  return { facts, canManage: p.canManage };
}

const newest = async (db: Db, link: string, id: string, kind: DocumentKind) =>
  (await documentsFor(db, link, [id]))
    .filter((d) => d.typeCode === kind.code)
    .sort((a, b) => (a.year === b.year ? b.number - a.number : b.year - a.year))
    .map((d) => ({ id: d.id, numberText: d.numberText, issuedOn: d.issuedOn }));

async function fileOf(db: Db, actor: Actor, issued: { id: string }[], spec: () => Promise<DocumentSpec>, name: string) {
  if (issued[0]) return issuedFile(db, actor, issued[0].id);
  const body = await renderDocx(await spec(), {
    number: null,
    date: null,
    draftYear: Number(todayVn().slice(0, 4))
  });
  return { body, mime: DOCX_MIME, name: fileNameOf(name, 'docx') };
}

/** The documents issued for a plan, newest first (the caller read the plan). */
export const planDocuments = (db: Db, id: string) => newest(db, PLAN_LINK, id, KINDS.KH);
export const programDocuments = (db: Db, id: string) => newest(db, PROGRAM_LINK, id, KINDS.CTr);

export async function planFile(db: Db, actor: Actor, id: string) {
  const { facts } = await planFacts(db, actor, id);
  return fileOf(db, actor, await planDocuments(db, id), () => planSpec(db, facts), `ke-hoach-${facts.year}`);
}

export async function programFile(db: Db, actor: Actor, id: string) {
  const { facts } = await programFacts(db, actor, id);
  return fileOf(db, actor, await programDocuments(db, id), () => programSpec(db, facts), 'chuong-trinh-phoi-hop');
}

/** Issue the plan as a kế hoạch in its organisation's register. */
export async function issuePlan(db: Db, actor: Actor, id: string, now = new Date()): Promise<IssuedDocument> {
  const { facts, canManage } = await planFacts(db, actor, id);
  if (!canManage) throw new AppError('FORBIDDEN', 'report_err_issue_forbidden');
  const spec = await planSpec(db, facts);
  return issueDocument(db, actor, { spec, links: [{ entityType: PLAN_LINK, entityId: id }] }, now);
}

/** Issue the program as a joint document, numbered in its owner's register. */
export async function issueProgram(db: Db, actor: Actor, id: string, now = new Date()): Promise<IssuedDocument> {
  const { facts, canManage } = await programFacts(db, actor, id);
  if (!canManage) throw new AppError('FORBIDDEN', 'report_err_issue_forbidden');
  const spec = await programSpec(db, facts);
  return issueDocument(db, actor, { spec, links: [{ entityType: PROGRAM_LINK, entityId: id }] }, now);
}

/** Drafts of the first plan and program for the template sample (`documents sample`): nothing is issued. */
export async function programSamples(db: Db, actor: Actor = SYSTEM): Promise<Record<string, Buffer>> {
  const ids = await firstProgramAndPlan(db);
  const draft = (spec: DocumentSpec) =>
    renderDocx(spec, { number: null, date: null, draftYear: Number(todayVn().slice(0, 4)) });
  const plan = ids.planId ? await draft(await planSpec(db, (await planFacts(db, actor, ids.planId)).facts)) : null;
  const program = ids.programId
    ? await draft(await programSpec(db, (await programFacts(db, actor, ids.programId)).facts))
    : null;
  return {
    ...(plan ? { 'ke-hoach.docx': plan } : {}),
    ...(program ? { 'chuong-trinh-lien-tich.docx': program } : {})
  };
}
