/**
 * SQL of the demo seeds. They run inside the seed's one transaction, so they write rows
 * directly (the services open transactions of their own), in batches that stay under the
 * databases' limits on bound parameters.
 */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { ActivityTable, ActivityTopicTable, CommitmentTable, IndicatorTable } from '$lib/server/db/schema';

async function inBatches<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Any geography at all: a database that has some was set up already (demo or real). */
export async function hasAnyUnit(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('admin_unit').select('id').limit(1).executeTakeFirst());
}

export async function setSuccessor(db: Db, id: string, successorId: string): Promise<void> {
  await db.updateTable('organisation').set({ successor_id: successorId }).where('id', '=', id).execute();
}

/** A manual indicator, unless one with its code is there already (an operator may have added it). */
export async function insertIndicatorIfMissing(db: Db, row: Insertable<IndicatorTable>): Promise<void> {
  const exists = await db.selectFrom('indicator').select('id').where('code', '=', row.code).executeTakeFirst();
  if (!exists) await db.insertInto('indicator').values(row).execute();
}

export async function insertActivities(db: Db, rows: ActivityTable[]): Promise<void> {
  await inBatches(rows, 50, (part) => db.insertInto('activity').values(part).execute());
}

export async function insertActivityTopics(db: Db, rows: ActivityTopicTable[]): Promise<void> {
  await inBatches(rows, 100, (part) => db.insertInto('activity_topic').values(part).execute());
}

export async function insertCommitments(db: Db, rows: CommitmentTable[]): Promise<void> {
  await inBatches(rows, 50, (part) => db.insertInto('commitment').values(part).execute());
}

/** The latest outreach sessions (of some organisations only, when given), newest first. */
export async function latestOutreach(db: Db, limit: number, organisationIds?: string[]) {
  let q = db.selectFrom('activity').select(['id', 'started_on']).where('kind', '=', 'outreach');
  if (organisationIds) q = q.where('organisation_id', 'in', organisationIds);
  return q.orderBy('started_on', 'desc').orderBy('id').limit(limit).execute();
}
