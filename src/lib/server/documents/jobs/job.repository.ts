/** SQL of the document jobs (migration 136): the queue the worker takes from, one row per job. */
import type { Insertable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { DocumentJobTable } from '$lib/server/db/schema';

export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

export async function findJob(db: Db, id: string) {
  return db.selectFrom('document_job').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The job a retried request for the same version should get: one still waiting or running,
 * or one done since `freshSince` (the figures of a draft move with the records, so an old
 * file is made again).
 */
export async function findReusable(
  db: Db,
  k: { kind: string; entityId: string; requestedBy: string; versionKey: string },
  freshSince: string
) {
  return db
    .selectFrom('document_job')
    .selectAll()
    .where('kind', '=', k.kind)
    .where('entity_id', '=', k.entityId)
    .where('requested_by', '=', k.requestedBy)
    .where('version_key', '=', k.versionKey)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['pending', 'running']),
        eb.and([eb('status', '=', 'done'), eb('created_at', '>=', freshSince)])
      ])
    )
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function insertJob(db: Db, row: Insertable<DocumentJobTable>): Promise<void> {
  await db.insertInto('document_job').values(row).execute();
}

/**
 * Takes the oldest job waiting, or running since before `staleBefore` (its process died
 * mid-way), and marks it running. Compare-and-set on the status and start it was read with, so
 * two workers (two server processes) never take the same job.
 */
export async function claimNext(db: Db, now: string, staleBefore: string): Promise<JobRow | null> {
  for (let tries = 0; tries < 3; tries++) {
    const next = await db
      .selectFrom('document_job')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'running'), eb('started_at', '<', staleBefore)])
        ])
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return null;
    let q = db
      .updateTable('document_job')
      .set({ status: 'running', started_at: now, attempts: next.attempts + 1 })
      .where('id', '=', next.id)
      .where('status', '=', next.status)
      .where('attempts', '=', next.attempts);
    q = next.started_at === null ? q.where('started_at', 'is', null) : q.where('started_at', '=', next.started_at);
    const res = await q.executeTakeFirst();
    if (Number(res.numUpdatedRows) === 1) return (await findJob(db, next.id))!;
  }
  return null;
}

export async function finishJob(db: Db, id: string, files: Record<string, string>, now: string): Promise<void> {
  await db
    .updateTable('document_job')
    .set({ status: 'done', files: JSON.stringify(files), error: null, finished_at: now })
    .where('id', '=', id)
    .execute();
}

/** A failed try: back to the queue (`retry`) or failed for good, with what went wrong (for the log). */
export async function failJob(db: Db, id: string, error: string, retry: boolean, now: string): Promise<void> {
  await db
    .updateTable('document_job')
    .set(retry ? { status: 'pending', error, started_at: null } : { status: 'failed', error, finished_at: now })
    .where('id', '=', id)
    .execute();
}

/** The account a job was requested by, if it may still sign in. */
export async function activeAccount(db: Db, id: string) {
  return db
    .selectFrom('account')
    .select(['id', 'username'])
    .where('id', '=', id)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/** Finished jobs (done or failed for good) that finished before `before`, with their files. */
export async function finishedBefore(db: Db, before: string) {
  return db
    .selectFrom('document_job')
    .select(['id', 'files'])
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', before)
    .execute();
}

export async function deleteJobs(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('document_job').where('id', 'in', ids).execute();
}

/** The files column of every job, for the sweep that keeps what a row names. */
export async function allJobFiles(db: Db): Promise<(string | null)[]> {
  return (await db.selectFrom('document_job').select('files').execute()).map((r) => r.files);
}
