/**
 * Activities: create, edit, delete, read, list — scoped, audited, and keeping the
 * pre-aggregates in step in the same transaction (see aggregate.repository.ts for why).
 */
import { inTransaction } from '$lib/server/db/transaction';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { ActivityTable } from '$lib/server/db/schema';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { activityContributions, delta } from '../rollup/contributions';
import { applyDeltas } from '../rollup/aggregate.repository';
import * as repo from './activity.repository';
import type { ActivityInput } from './activity.schema';
import { READ, RECORD } from '../policy';
import { checkMaterialsUsed, materialsUsedBy, recordMaterialsUsed } from '$lib/server/library/usage.service';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

/** Rules that need the database; a field error for each, like the org forms. */
async function check(db: Db, actor: Actor, a: ActivityInput): Promise<void> {
  if (!(await inScope(db, actor, RECORD, a.organisation_id)))
    throw invalid('organisation_id', 'program_err_organisation');
  if (!(await repo.unitValidOn(db, a.admin_unit_id, a.started_on)))
    throw invalid('admin_unit_id', 'program_err_unit_date');
  if ((await repo.countActiveCodes(db, 'topic', a.topics)) !== a.topics.length)
    throw invalid('topics', 'program_err_topic');
  if ((await repo.countPersonsInScope(db, a.attendees, scopeSubquery(db, actor, READ))) !== a.attendees.length)
    throw invalid('attendees', 'program_err_attendee');
  await checkMaterialsUsed(db, a.material_ids);
}

function columns(a: ActivityInput): Omit<ActivityTable, 'id' | 'created_by' | 'created_at' | 'updated_at'> {
  return {
    kind: a.kind,
    outreach_mode: a.kind === 'outreach' ? a.outreach_mode : null,
    organisation_id: a.organisation_id,
    admin_unit_id: a.admin_unit_id,
    started_on: a.started_on,
    ended_on: a.ended_on,
    count_total: a.count_total,
    count_elderly: a.count_elderly,
    count_women: a.count_women,
    count_ethnic_minority: a.count_ethnic_minority,
    audiences: a.audiences.length ? JSON.stringify(a.audiences) : null,
    partners: a.partners,
    materials: a.materials,
    ntm_criterion: a.ntm_criterion,
    notes: a.notes
  };
}

export async function createActivity(db: Db, actor: Actor, input: ActivityInput): Promise<string> {
  requireAction(actor, RECORD);
  await check(db, actor, input);
  const now = nowIso();
  const row: ActivityTable = {
    id: newId(),
    ...columns(input),
    created_by: actor.accountId,
    created_at: now,
    updated_at: now
  };
  await inTransaction(db, async (tx) => {
    await repo.insertActivity(tx, row);
    await repo.setActivityLinks(tx, row.id, input.topics, input.attendees);
    await recordMaterialsUsed(tx, row.id, input.material_ids);
    await applyDeltas(tx, activityContributions(row));
    await audit(tx, actor, {
      action: 'create',
      entityType: 'activity',
      entityId: row.id,
      organisationId: row.organisation_id,
      after: { ...columns(input), topics: input.topics, attendees: input.attendees.length }
    });
  });
  return row.id;
}

/** An activity the actor may change; missing and out-of-scope read the same (404). */
async function writable(db: Db, actor: Actor, id: string) {
  requireAction(actor, RECORD);
  const row = await repo.findActivity(db, id, scopeSubquery(db, actor, RECORD));
  if (!row) throw notFound();
  return row;
}

async function locked(tx: Db, id: string) {
  const row = await repo.lockActivity(tx, id);
  if (!row) throw notFound();
  return row;
}

export async function updateActivity(db: Db, actor: Actor, id: string, input: ActivityInput): Promise<void> {
  await writable(db, actor, id);
  await check(db, actor, input);
  const patch = { ...columns(input), updated_at: nowIso() };
  await inTransaction(db, async (tx) => {
    const before = await locked(tx, id);
    await repo.updateActivityRow(tx, id, patch);
    await repo.setActivityLinks(tx, id, input.topics, input.attendees);
    await recordMaterialsUsed(tx, id, input.material_ids);
    await applyDeltas(tx, delta(activityContributions(before), activityContributions({ ...before, ...patch })));
    await audit(tx, actor, {
      action: 'update',
      entityType: 'activity',
      entityId: id,
      organisationId: patch.organisation_id,
      before,
      after: patch
    });
  });
}

export async function deleteActivity(db: Db, actor: Actor, id: string): Promise<void> {
  await writable(db, actor, id);
  await db.transaction().execute(async (tx) => {
    const before = await locked(tx, id);
    await repo.deleteActivityRow(tx, id);
    await applyDeltas(tx, delta(activityContributions(before), []));
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'activity',
      entityId: id,
      organisationId: before.organisation_id,
      before
    });
  });
}

export async function getActivity(db: Db, actor: Actor, id: string) {
  requireAction(actor, READ);
  const row = await repo.findActivity(db, id, scopeSubquery(db, actor, READ));
  if (!row) throw notFound();
  return { ...row, ...(await repo.findActivityLinks(db, id)), material_ids: await materialsUsedBy(db, id) };
}

export async function listActivities(
  db: Db,
  actor: Actor,
  f: Omit<repo.ActivityFilter, 'scope'>,
  limit = 50,
  offset = 0
) {
  requireAction(actor, READ);
  return repo.listActivityRows(db, { ...f, scope: scopeSubquery(db, actor, READ) }, limit, offset);
}
