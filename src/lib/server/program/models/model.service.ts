/** Effective models: scoped, audited writes that keep the pre-aggregates in the same transaction. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { ModelTable } from '$lib/server/db/schema';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold } from '$lib/shared/text';
import { delta, modelContributions } from '../rollup/contributions';
import { applyDeltas } from '../rollup/aggregate.repository';
import { unitValidOn } from '../activities/activity.repository';
import * as repo from './model.repository';
import type { ModelInput, ModelResultInput } from './model.schema';
import { READ, RECORD } from '../policy';
import { once } from '../submission';
import { inTransaction } from '$lib/server/db/transaction';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

async function check(db: Db, actor: Actor, m: ModelInput, selfId: string | null): Promise<void> {
  if (!(await inScope(db, actor, RECORD, m.organisation_id)))
    throw invalid('organisation_id', 'program_err_organisation');
  if (!(await unitValidOn(db, m.admin_unit_id, m.started_on))) throw invalid('admin_unit_id', 'program_err_unit_date');
  if (m.replicated_from_id) {
    const origin = await repo.findModel(db, m.replicated_from_id, scopeSubquery(db, actor, READ));
    if (!origin || origin.id === selfId) throw invalid('replicated_from_id', 'program_err_origin');
  }
}

const columns = (m: ModelInput) => ({
  name: m.name,
  name_search: fold(m.name),
  kind: m.kind,
  organisation_id: m.organisation_id,
  admin_unit_id: m.admin_unit_id,
  started_on: m.started_on,
  ended_on: m.status === 'ended' ? m.ended_on : null,
  people_involved: m.people_involved,
  status: m.status,
  evidence: m.evidence,
  recognised_by: m.recognised_by,
  recognised_on: m.recognised_on,
  replicated_from_id: m.replicated_from_id
});

/**
 * With the form's one-time key a retried or double-clicked post answers with the model the first
 * one made (the checks run inside the key's transaction, so a refused form keeps no key).
 */
export async function createModel(db: Db, actor: Actor, input: ModelInput, key: string | null = null): Promise<string> {
  requireAction(actor, RECORD);
  return (await once(db, actor, 'model', key, (tx) => insertChecked(tx, actor, input))).id;
}

async function insertChecked(db: Db, actor: Actor, input: ModelInput): Promise<string> {
  await check(db, actor, input, null);
  const now = nowIso();
  const row: ModelTable = {
    id: newId(),
    ...columns(input),
    created_by: actor.accountId,
    created_at: now,
    updated_at: now
  };
  await inTransaction(db, async (tx) => {
    await repo.insertModel(tx, row);
    await applyDeltas(tx, modelContributions(row));
    await audit(tx, actor, {
      action: 'create',
      entityType: 'model',
      entityId: row.id,
      organisationId: row.organisation_id,
      after: columns(input)
    });
  });
  return row.id;
}

async function writable(db: Db, actor: Actor, id: string) {
  requireAction(actor, RECORD);
  if (!(await repo.findModel(db, id, scopeSubquery(db, actor, RECORD)))) throw notFound();
}

async function locked(tx: Db, id: string) {
  const row = await repo.lockModel(tx, id);
  if (!row) throw notFound();
  return row;
}

export async function updateModel(db: Db, actor: Actor, id: string, input: ModelInput): Promise<void> {
  await writable(db, actor, id);
  await check(db, actor, input, id);
  const patch = { ...columns(input), updated_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    const before = await locked(tx, id);
    await repo.updateModelRow(tx, id, patch);
    await applyDeltas(tx, delta(modelContributions(before), modelContributions({ ...before, ...patch })));
    await audit(tx, actor, {
      action: 'update',
      entityType: 'model',
      entityId: id,
      organisationId: patch.organisation_id,
      before,
      after: patch
    });
  });
}

export async function deleteModel(db: Db, actor: Actor, id: string): Promise<void> {
  await writable(db, actor, id);
  await db.transaction().execute(async (tx) => {
    const before = await locked(tx, id);
    await repo.deleteModelRow(tx, id);
    await applyDeltas(tx, delta(modelContributions(before), []));
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'model',
      entityId: id,
      organisationId: before.organisation_id,
      before
    });
  });
}

export async function addModelResult(db: Db, actor: Actor, modelId: string, input: ModelResultInput): Promise<string> {
  await writable(db, actor, modelId);
  const row = { id: newId(), model_id: modelId, ...input };
  await db.transaction().execute(async (tx) => {
    await repo.insertModelResult(tx, row);
    await audit(tx, actor, { action: 'create', entityType: 'model_result', entityId: row.id, after: row });
  });
  return row.id;
}

export async function getModel(db: Db, actor: Actor, id: string) {
  requireAction(actor, READ);
  const row = await repo.findModel(db, id, scopeSubquery(db, actor, READ));
  if (!row) throw notFound();
  return { ...row, results: await repo.findModelResults(db, id) };
}

export async function listModels(db: Db, actor: Actor, f: { organisationId?: string; status?: string } = {}) {
  requireAction(actor, READ);
  return repo.listModelRows(db, scopeSubquery(db, actor, READ), f);
}
