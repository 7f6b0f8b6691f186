/** Campaigns (phong trào, đợt thi đua) with a versioned criteria set. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeRoots } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { readJson } from '$lib/server/db/dialect';
import type { EmuCriterionTable } from '$lib/server/db/schema';
import type { SubjectKind } from '$lib/shared/emulation/rules';
import * as repo from './campaign.repository';
import type { CampaignInput, CampaignSettingsInput, CriterionInput } from './emulation.schema';
import { MANAGE, READ } from './policy';

const criterionRows = (campaignId: string, version: number, list: CriterionInput[]): EmuCriterionTable[] =>
  list.map((c, i) => ({ id: newId(), campaign_id: campaignId, version, ...c, sort_order: i + 1 }));

function checkCodes(list: CriterionInput[]) {
  const codes = list.map((c) => c.code);
  if (new Set(codes).size !== codes.length)
    throw new AppError('VALIDATION', 'emu_err_criterion_code', { field: 'criteria' });
}

export async function createCampaign(db: Db, actor: Actor, input: CampaignInput): Promise<string> {
  requireAction(actor, MANAGE);
  if (!(await inScope(db, actor, MANAGE, input.organisation_id)))
    throw new AppError('VALIDATION', 'emu_err_organisation', { field: 'organisation_id' });
  checkCodes(input.criteria);
  const id = newId();
  const now = nowIso();
  const { criteria, subjects, ...rest } = input;
  await db.transaction().execute(async (tx) => {
    await repo.insertCampaign(tx, {
      id,
      ...rest,
      subjects: JSON.stringify(subjects),
      status: 'open',
      criteria_version: 1,
      created_at: now,
      updated_at: now
    });
    await repo.insertCriteria(tx, criterionRows(id, 1, criteria));
    await audit(tx, actor, {
      action: 'create',
      entityType: 'emu_campaign',
      entityId: id,
      organisationId: input.organisation_id,
      after: input
    });
  });
  return id;
}

async function managed(db: Db, actor: Actor, id: string) {
  requireAction(actor, MANAGE);
  const c = await repo.findCampaign(db, id);
  if (!c || !(await inScope(db, actor, MANAGE, c.organisation_id))) throw notFound();
  return c;
}

/**
 * A new version of the criteria. Registrations keep the version they registered under, so
 * results already evaluated never change; new registrations use the new one.
 */
export async function reviseCriteria(db: Db, actor: Actor, id: string, list: CriterionInput[]): Promise<number> {
  const c = await managed(db, actor, id);
  checkCodes(list);
  const version = c.criteria_version + 1;
  await db.transaction().execute(async (tx) => {
    await repo.insertCriteria(tx, criterionRows(id, version, list));
    await repo.setCriteriaVersion(tx, id, version, nowIso());
    await audit(tx, actor, {
      action: 'emu.criteria',
      entityType: 'emu_campaign',
      entityId: id,
      organisationId: c.organisation_id,
      after: { version, list }
    });
  });
  return version;
}

/** Name, subjects, windows and the title's threshold; the launching organisation stays. */
export async function updateCampaign(db: Db, actor: Actor, id: string, input: CampaignSettingsInput): Promise<void> {
  const c = await managed(db, actor, id);
  const patch = { ...input, subjects: JSON.stringify(input.subjects), updated_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    await repo.updateCampaignRow(tx, id, patch);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'emu_campaign',
      entityId: id,
      organisationId: c.organisation_id,
      before: { name: c.name, subjects: c.subjects, title_threshold: c.title_threshold },
      after: input
    });
  });
}

/**
 * Saves the criteria from the edit page. While nobody has registered under the current
 * version it is corrected in place; once someone has, the change becomes a new version, so
 * registrations and evaluations already made keep the criteria they were made under.
 */
export async function saveCriteria(
  db: Db,
  actor: Actor,
  id: string,
  list: CriterionInput[]
): Promise<{ version: number; revised: boolean }> {
  const c = await managed(db, actor, id);
  checkCodes(list);
  if (await repo.registrationsAt(db, id, c.criteria_version))
    return { version: await reviseCriteria(db, actor, id, list), revised: true };
  await db.transaction().execute(async (tx) => {
    await repo.deleteCriteria(tx, id, c.criteria_version);
    await repo.insertCriteria(tx, criterionRows(id, c.criteria_version, list));
    await repo.setCriteriaVersion(tx, id, c.criteria_version, nowIso());
    await audit(tx, actor, {
      action: 'emu.criteria',
      entityType: 'emu_campaign',
      entityId: id,
      organisationId: c.organisation_id,
      after: { version: c.criteria_version, list }
    });
  });
  return { version: c.criteria_version, revised: false };
}

/** Registrations per criteria version, for the edit page's warning. */
export async function registrationsAt(db: Db, actor: Actor, id: string): Promise<number> {
  const c = await managed(db, actor, id);
  return repo.registrationsAt(db, id, c.criteria_version);
}

export async function closeCampaign(db: Db, actor: Actor, id: string): Promise<void> {
  const c = await managed(db, actor, id);
  await repo.setStatus(db, id, 'closed', nowIso());
  await audit(db, actor, {
    action: 'emu.close',
    entityType: 'emu_campaign',
    entityId: id,
    organisationId: c.organisation_id
  });
}

const view = (c: NonNullable<Awaited<ReturnType<typeof repo.findCampaign>>>) => ({
  ...c,
  subjects: readJson<SubjectKind[]>(c.subjects) ?? []
});
export type CampaignView = ReturnType<typeof view>;

export async function listCampaigns(db: Db, actor: Actor): Promise<CampaignView[]> {
  requireAction(actor, READ);
  const rows = await repo.listCampaignRows(db, actor.kind === 'system' ? null : scopeRoots(actor, READ));
  return rows.map(view);
}

/** The open campaigns of her own association levels, for a member who reads nothing else. */
export async function openCampaignsOfMember(db: Db, actor: Actor): Promise<CampaignView[]> {
  const rows = await repo.listCampaignRows(
    db,
    actor.grants.map((g) => g.organisationId)
  );
  return rows.map(view).filter((c) => c.status === 'open');
}

/** A campaign the actor may see, with the criteria of its current (or a given) version. */
export async function getCampaign(db: Db, actor: Actor, id: string, version?: number) {
  const visible = await listCampaigns(db, actor);
  const c = visible.find((x) => x.id === id);
  if (!c) throw notFound();
  return { campaign: c, criteria: await repo.criteriaOf(db, id, version ?? c.criteria_version) };
}

/** The campaign row without an access check, for services that checked the record it belongs to. */
export async function campaignRow(db: Db, id: string) {
  const c = await repo.findCampaign(db, id);
  if (!c) throw notFound();
  return view(c);
}

export const criteriaOf = repo.criteriaOf;
