/**
 * Typical examples (điển hình tiên tiến): an association level marks a registered person,
 * household or branch as an example to follow, with their story and the program models they
 * are known for. Shown on the campaign page; on the public board only collectives and those
 * who consented to publication (the consent recorded on their award).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { nowIso } from '$lib/server/db/ids';
import * as regs from './registration.repository';
import * as repo from './typical.repository';
import { MANAGE, READ } from './policy';

export interface TypicalInput {
  story: string;
  model_ids: string[];
}

async function managed(db: Db, actor: Actor, id: string) {
  requireAction(actor, MANAGE);
  const row = await regs.findRegistration(db, id, scopeSubquery(db, actor, READ));
  if (!row || !(await inScope(db, actor, MANAGE, row.organisation_id))) throw notFound();
  return row;
}

export async function markTypical(db: Db, actor: Actor, id: string, input: TypicalInput): Promise<void> {
  const row = await managed(db, actor, id);
  const models = await repo.modelsIn(db, scopeSubquery(db, actor, READ), input.model_ids);
  if (models.length !== input.model_ids.length)
    throw new AppError('VALIDATION', 'emul_err_model', { field: 'model_ids' });
  await db.transaction().execute(async (tx) => {
    await repo.setTypical(tx, id, {
      typical_story: input.story,
      typical_marked_at: nowIso(),
      typical_marked_by: actor.accountId
    });
    await repo.replaceModels(tx, id, input.model_ids);
    await audit(tx, actor, {
      action: 'emu.typical',
      entityType: 'emu_registration',
      entityId: id,
      organisationId: row.organisation_id,
      after: input
    });
  });
}

/** No longer a typical example; the story stays in the audit log. */
export async function unmarkTypical(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await managed(db, actor, id);
  await db.transaction().execute(async (tx) => {
    await repo.setTypical(tx, id, { typical_story: null, typical_marked_at: null, typical_marked_by: null });
    await repo.replaceModels(tx, id, []);
    await audit(tx, actor, {
      action: 'emu.typical_unmark',
      entityType: 'emu_registration',
      entityId: id,
      organisationId: row.organisation_id
    });
  });
}

type Row = Awaited<ReturnType<typeof repo.typicalOfCampaign>>[number];
async function withModels(db: Db, rows: Row[]) {
  const models = await repo.modelsOf(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((r) => ({
    id: r.id,
    campaign_name: r.campaign_name,
    name: r.person_name ?? r.household_name ?? r.subject_org_name ?? '',
    organisation: r.organisation_name,
    story: r.typical_story,
    models: models.filter((m) => m.registration_id === r.id).map((m) => ({ id: m.id, name: m.name }))
  }));
}

export async function campaignTypical(db: Db, actor: Actor, campaignId: string) {
  return withModels(db, await repo.typicalOfCampaign(db, campaignId, scopeSubquery(db, actor, READ)));
}

export async function publicTypical(db: Db, underOrgId: string | null) {
  return withModels(db, await repo.publicTypical(db, underOrgId));
}

/** For the registration page: whether the actor may mark it, the models it may link, and those linked. */
export async function typicalChoices(db: Db, actor: Actor, id: string, organisationId: string) {
  const may = (await inScope(db, actor, MANAGE, organisationId)) && (await inScope(db, actor, READ, organisationId));
  const [models, linked] = await Promise.all([
    may ? repo.modelsIn(db, scopeSubquery(db, actor, READ)) : [],
    repo.modelsOf(db, [id])
  ]);
  return { canMarkTypical: may, models, linkedModels: linked.map((m) => m.id) };
}
