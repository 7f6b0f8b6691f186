/**
 * Registration (đăng ký thi đua): a branch registers its members or households, a commune
 * its branches, the province its commune Hội, and a province or commune Hội the environment-sector
 * collectives of its area when the campaign covers them, each with the criteria they commit to.
 * Registering the same subject again in the same campaign returns the existing registration, so
 * a retried form is harmless.
 * Then the self-assessment and the branch meeting's assessment, and manual evidence.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { ownsFiles } from '$lib/server/db/owned-files';
import { readJson } from '$lib/server/db/dialect';
import { fold } from '$lib/shared/text';
import { todayVn } from '$lib/shared/format';
import { campaignRow, criteriaOf } from './campaign.service';
import * as repo from './registration.repository';
import { personOfAccount } from './page.repository';
import { withEmuCells } from './aggregate.repository';
import { evidenceFilesOf, insertFile } from './file.repository';
import { storeEvidenceFiles } from './evidence-file.service';
import type { PreparedFile } from './files';
import type { RegisterInput } from './emulation.schema';
import { READ, REGISTER, REGISTERS } from './policy';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

type Subject = {
  kind: RegisterInput['subject_kind'];
  person_id?: string;
  household_name?: string;
  subject_org_id?: string;
};

// An organisation is one subject whatever kind it registered as, so it is rewarded once per campaign.
const subjectKey = (orgId: string, s: Subject) =>
  s.kind === 'person'
    ? `p:${s.person_id}`
    : s.kind === 'household'
      ? `h:${orgId}:${fold(s.household_name!)}`
      : `o:${s.subject_org_id}`;

/** Association levels that may register environment-sector collectives of their area. */
const ENV_REGISTRARS = ['province_association', 'commune_association'];

const OUTSIDE = {
  branch: 'emu_err_branch_outside',
  commune: 'emul_err_commune_outside',
  env_collective: 'emul_err_collective_outside'
} as const;

/** The posted organisations the registering level may register as this kind of subject. */
async function orgSubjects(db: Db, kind: keyof typeof OUTSIDE, registrarId: string, ids: string[]) {
  if (kind === 'branch') return repo.childOrgs(db, registrarId, ids);
  if (kind === 'commune') return repo.communesUnder(db, registrarId, ids);
  const registrar = await repo.orgFacts(db, registrarId);
  if (!registrar || !ENV_REGISTRARS.includes(registrar.type)) return [];
  return repo.envCollectivesFor(db, [registrarId], ids);
}

async function subjectsOf(db: Db, input: RegisterInput): Promise<Subject[]> {
  const org = input.organisation_id;
  if (input.subject_kind === 'person') {
    const found = await repo.personsOf(db, org, input.person_ids);
    if (found.length !== input.person_ids.length) throw invalid('person_ids', 'emu_err_member_outside');
    return input.person_ids.map((person_id) => ({ kind: 'person', person_id }));
  }
  const kind = input.subject_kind;
  if (kind === 'branch' || kind === 'commune' || kind === 'env_collective') {
    const ids = [...new Set(input.subject_org_ids)];
    const found = await orgSubjects(db, kind, org, ids);
    if (found.length !== ids.length) throw invalid('subject_org_ids', OUTSIDE[kind]);
    return ids.map((subject_org_id) => ({ kind, subject_org_id }));
  }
  return [{ kind: 'household', household_name: input.household_name! }];
}

async function checkRegistration(db: Db, actor: Actor, input: RegisterInput, today: string) {
  requireAction(actor, REGISTER);
  if (!(await inScope(db, actor, REGISTER, input.organisation_id)))
    throw invalid('organisation_id', 'emu_err_organisation');
  const campaign = await campaignRow(db, input.campaign_id);
  if (campaign.status !== 'open' || today < campaign.register_from || today > campaign.register_to)
    throw invalid('campaign_id', 'emu_err_registration_closed');
  if (!campaign.subjects.includes(input.subject_kind)) throw invalid('subject_kind', 'emu_err_subject');
  const registrar = await repo.orgFacts(db, input.organisation_id);
  if (!registrar || !REGISTERS[registrar.type]?.includes(input.subject_kind))
    throw invalid('subject_kind', 'fix10_err_subject_level');
  const criteria = await criteriaOf(db, campaign.id, campaign.criteria_version);
  const codes = new Set(criteria.map((c) => c.code));
  if (input.commitments.some((c) => !codes.has(c))) throw invalid('commitments', 'emu_err_commitment');
  return campaign;
}

/** Registers each subject once; returns the registration ids in input order (existing ones included). */
export async function register(db: Db, actor: Actor, input: RegisterInput, now = new Date()): Promise<string[]> {
  return (await registerSubjects(db, actor, input, now)).ids;
}

/** The same, also saying how many subjects were already registered (the form tells the officer so). */
export async function registerSubjects(
  db: Db,
  actor: Actor,
  input: RegisterInput,
  now = new Date()
): Promise<{ ids: string[]; already: number }> {
  const campaign = await checkRegistration(db, actor, input, todayVn(now));
  const subjects = await subjectsOf(db, input);
  // The moment of registering (a seeded past campaign registers in its own years).
  const at = now.toISOString();
  return db.transaction().execute(async (tx) => {
    const ids: string[] = [];
    const added: string[] = [];
    for (const s of subjects) {
      const key = subjectKey(input.organisation_id, s);
      const existing = await repo.findBySubject(tx, campaign.id, key);
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      const id = newId();
      await repo.insertRegistration(tx, {
        id,
        campaign_id: campaign.id,
        criteria_version: campaign.criteria_version,
        organisation_id: input.organisation_id,
        subject_kind: s.kind,
        person_id: s.person_id ?? null,
        household_name: s.household_name ?? null,
        subject_org_id: s.subject_org_id ?? null,
        subject_key: key,
        commitments: JSON.stringify(input.commitments),
        status: 'registered',
        self_score: null,
        self_note: null,
        branch_score: null,
        branch_note: null,
        self_points: null,
        branch_points: null,
        result: null,
        published_on: null,
        appeal_until: null,
        typical_story: null,
        typical_model_id: null,
        created_by: actor.accountId,
        created_at: at,
        updated_at: at
      });
      await audit(tx, actor, {
        action: 'emu.register',
        entityType: 'emu_registration',
        entityId: id,
        organisationId: input.organisation_id,
        after: { campaign: campaign.id, subject: key, commitments: input.commitments }
      });
      ids.push(id);
      added.push(id);
    }
    await withEmuCells(
      tx,
      [],
      async () => added,
      (newIds) => newIds
    );
    return { ids, already: ids.length - added.length };
  });
}

const view = (r: NonNullable<Awaited<ReturnType<typeof repo.findRegistration>>>) => ({
  ...r,
  commitments: readJson<string[]>(r.commitments) ?? [],
  subject_name: r.person_name ?? r.household_name ?? r.subject_org_name ?? ''
});
export type RegistrationView = ReturnType<typeof view>;

export async function getRegistration(db: Db, actor: Actor, id: string): Promise<RegistrationView> {
  return (await readRegistration(db, actor, id)).registration;
}

/**
 * A registration for its readers in scope, for the level it was nominated to (the Sở deciding
 * a Giấy khen reads the dossier, read only, though the province's registrations are not its
 * own), or for the member it is about: she may follow her own registration (read only) though
 * her role reads nothing else; anyone else's is not found. `scope` is where the evidence
 * gathered for it may come from.
 */
export async function readRegistration(db: Db, actor: Actor, id: string) {
  if (can(actor, READ)) {
    const scope = scopeSubquery(db, actor, READ);
    const row = await repo.findRegistration(db, id, scope);
    if (row) return { registration: view(row), scope, own: false, nominated: false };
    const before = await repo.findNominatedRegistration(db, id, scope);
    if (before) return subjectView(db, before, { own: false, nominated: true });
  }
  const personId = actor.accountId ? await personOfAccount(db, actor.accountId) : null;
  const row = personId ? await repo.findOwnRegistration(db, id, personId) : undefined;
  if (!row) throw notFound();
  return subjectView(db, row, { own: true, nominated: false });
}

/** Read outside the reader's scope: the evidence comes from the registering level's subtree. */
const subjectView = (db: Db, row: Parameters<typeof view>[0], how: { own: boolean; nominated: boolean }) => ({
  registration: view(row),
  scope: repo.subtreeOf(db, row.organisation_id),
  ...how
});

export async function listRegistrations(
  db: Db,
  actor: Actor,
  f: { campaignId?: string; organisationId?: string; q?: string }
): Promise<RegistrationView[]> {
  requireAction(actor, READ);
  return (await repo.listRegistrationRows(db, scopeSubquery(db, actor, READ), f)).map(view);
}

/** A member sees their own registrations (their account is linked to their member record). */
export async function myRegistrations(db: Db, personId: string | null) {
  if (!personId) return [];
  return (await repo.registrationsOfPerson(db, personId)).map((r) => ({ ...view(r), campaign_name: r.campaign_name }));
}

export async function writable(db: Db, actor: Actor, id: string, allowed: string[]) {
  requireAction(actor, REGISTER);
  const row = await repo.findRegistration(db, id, scopeSubquery(db, actor, REGISTER));
  if (!row) throw notFound();
  return atStage(row, allowed);
}

/** Stages at which the subject's own assessment may still be entered or corrected. */
export const SELF_STAGES = ['registered', 'self_assessed'];

/**
 * The registration the actor may self-assess: one their branch may write, or the member's own
 * (her role writes nothing else, but the sheet is hers to fill in before the branch meets).
 */
export async function selfWritable(db: Db, actor: Actor, id: string) {
  if (can(actor, REGISTER)) {
    const row = await repo.findRegistration(db, id, scopeSubquery(db, actor, REGISTER));
    if (row) return atStage(row, SELF_STAGES);
  }
  const personId = actor.accountId ? await personOfAccount(db, actor.accountId) : null;
  const row = personId ? await repo.findOwnRegistration(db, id, personId) : undefined;
  if (!row) throw notFound();
  return atStage(row, SELF_STAGES);
}

function atStage<T extends { status: string }>(row: T, allowed: string[]): T {
  if (!allowed.includes(row.status)) throw new AppError('CONFLICT', 'emu_err_stage');
  return row;
}

export { selfAssess, branchAssess } from './assessment.service';

export const addEvidence = ownsFiles(async function addEvidence(
  db: Db,
  actor: Actor,
  id: string,
  input: { criterion_code: string | null; description: string },
  files: PreparedFile[] = []
): Promise<void> {
  const row = await writable(db, actor, id, ['registered', 'self_assessed', 'branch_assessed']);
  const evidenceId = newId();
  const stored = await storeEvidenceFiles(files, { registrationId: id, evidenceId, row, actor });
  await db.transaction().execute(async (tx) => {
    await repo.insertEvidence(tx, {
      id: evidenceId,
      registration_id: id,
      ...input,
      created_by: actor.accountId,
      created_at: nowIso()
    });
    for (const f of stored) await insertFile(tx, f);
    await audit(tx, actor, {
      action: 'emu.evidence',
      entityType: 'emu_registration',
      entityId: id,
      organisationId: row.organisation_id,
      after: { ...input, files: stored.map((f) => ({ id: f.id, name: f.file_name, sha256: f.sha256 })) }
    });
  });
});

/** Manual evidence with its photos and documents. */
export async function manualEvidence(db: Db, registrationId: string) {
  const [rows, files] = await Promise.all([repo.evidenceOf(db, registrationId), evidenceFilesOf(db, registrationId)]);
  return rows.map((e) => ({ ...e, files: files.filter((f) => f.evidence_id === e.id) }));
}
