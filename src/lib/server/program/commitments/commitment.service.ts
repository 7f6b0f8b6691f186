/** Commitments: scoped, audited writes that keep the pre-aggregates in the same transaction. */
import { inTransaction } from '$lib/server/db/transaction';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import type { CommitmentTable } from '$lib/server/db/schema';
import { inScope, requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { commitmentContributions, delta } from '../rollup/contributions';
import { applyDeltas } from '../rollup/aggregate.repository';
import { countActiveCodes, countPersonsInScope } from '../activities/activity.repository';
import * as repo from './commitment.repository';
import type { CommitmentInput } from './commitment.schema';
import { READ, RECORD } from '../policy';

const invalid = (field: string, key: string) => new AppError('VALIDATION', key, { field });

async function check(db: Db, actor: Actor, c: CommitmentInput): Promise<void> {
  if (!(await inScope(db, actor, RECORD, c.organisation_id)))
    throw invalid('organisation_id', 'program_err_organisation');
  if (!(await repo.villageValidOn(db, c.village_unit_id, c.signed_on)))
    throw invalid('village_unit_id', 'program_err_unit_date');
  if ((await countActiveCodes(db, 'commitment_kind', [c.kind_id])) !== 1) throw invalid('kind_id', 'program_err_kind');
  if (c.person_id && (await countPersonsInScope(db, [c.person_id], scopeSubquery(db, actor, READ))) !== 1)
    throw invalid('person_id', 'program_err_attendee');
}

const columns = (c: CommitmentInput) => ({
  organisation_id: c.organisation_id,
  kind_id: c.kind_id,
  party: c.party,
  household_name: c.party === 'household' ? c.household_name : null,
  person_id: c.party === 'person' ? c.person_id : null,
  village_unit_id: c.village_unit_id,
  signed_on: c.signed_on,
  photo_path: c.photo_path,
  notes: c.notes
});

export async function createCommitment(db: Db, actor: Actor, input: CommitmentInput): Promise<string> {
  return (await createCommitments(db, actor, [input]))[0];
}

/**
 * Commitments signed together (households at one village meeting): one transaction, so a
 * failure records none of them. The rules do not depend on the household's name, so the
 * distinct inputs are checked once each, not once per household.
 */
export async function createCommitments(db: Db, actor: Actor, inputs: CommitmentInput[]): Promise<string[]> {
  requireAction(actor, RECORD);
  const distinct = new Map(inputs.map((c) => [JSON.stringify({ ...c, household_name: null, photo_path: null }), c]));
  for (const c of distinct.values()) await check(db, actor, c);
  const now = nowIso();
  const rows: CommitmentTable[] = inputs.map((c) => ({
    id: newId(),
    ...columns(c),
    created_by: actor.accountId,
    created_at: now,
    updated_at: now
  }));
  await inTransaction(db, async (tx) => {
    for (const [i, row] of rows.entries()) {
      await repo.insertCommitment(tx, row);
      await applyDeltas(tx, commitmentContributions(row));
      await audit(tx, actor, {
        action: 'create',
        entityType: 'commitment',
        entityId: row.id,
        organisationId: row.organisation_id,
        after: columns(inputs[i])
      });
    }
  });
  return rows.map((r) => r.id);
}

async function writable(db: Db, actor: Actor, id: string) {
  requireAction(actor, RECORD);
  if (!(await repo.findCommitment(db, id, scopeSubquery(db, actor, RECORD)))) throw notFound();
}

async function locked(tx: Db, id: string) {
  const row = await repo.lockCommitment(tx, id);
  if (!row) throw notFound();
  return row;
}

export async function updateCommitment(db: Db, actor: Actor, id: string, input: CommitmentInput): Promise<void> {
  await writable(db, actor, id);
  await check(db, actor, input);
  const patch = { ...columns(input), updated_at: nowIso() };
  await inTransaction(db, async (tx) => {
    const before = await locked(tx, id);
    await repo.updateCommitmentRow(tx, id, patch);
    await applyDeltas(tx, delta(commitmentContributions(before), commitmentContributions({ ...before, ...patch })));
    await audit(tx, actor, {
      action: 'update',
      entityType: 'commitment',
      entityId: id,
      organisationId: patch.organisation_id,
      before,
      after: patch
    });
  });
}

export async function deleteCommitment(db: Db, actor: Actor, id: string): Promise<void> {
  await writable(db, actor, id);
  await db.transaction().execute(async (tx) => {
    const before = await locked(tx, id);
    await repo.deleteCommitmentRow(tx, id);
    await applyDeltas(tx, delta(commitmentContributions(before), []));
    await audit(tx, actor, {
      action: 'delete',
      entityType: 'commitment',
      entityId: id,
      organisationId: before.organisation_id,
      before
    });
  });
}

export async function getCommitment(db: Db, actor: Actor, id: string) {
  requireAction(actor, READ);
  const row = await repo.findCommitment(db, id, scopeSubquery(db, actor, READ));
  if (!row) throw notFound();
  return row;
}

export async function listCommitments(
  db: Db,
  actor: Actor,
  f: { organisationId?: string; villageId?: string },
  limit = 50,
  offset = 0
) {
  requireAction(actor, READ);
  return repo.listCommitmentRows(db, scopeSubquery(db, actor, READ), f, limit, offset);
}
