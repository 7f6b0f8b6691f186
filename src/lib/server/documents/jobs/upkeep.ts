/**
 * Keeping the data folder from filling up with files nobody will ask for again:
 * - a document job's files are a convenience copy (the report itself is the record): once the
 *   job has been finished for DOCUMENT_JOB_RETENTION_DAYS its row and files go, and its link
 *   answers "not found"; the officer asks for the documents again;
 * - leftovers of a crash are swept once older than LEFTOVER_GRACE_HOURS: temporary upload files
 *   (their request is long over) and job files no job row names. A file a row names is never
 *   touched, and the grace period covers a job between writing its files and saving its row.
 * Runs from the document worker, at most once an hour per process.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { config } from '$lib/server/config';
import type { Db } from '$lib/server/db';
import { readJson } from '$lib/server/db/dialect';
import { jobFilesDir, removePrivateFiles } from '$lib/server/documents/files';
import { uploadTmpDir } from '$lib/server/http/multipart';
import { log } from '$lib/server/log';
import * as repo from './job.repository';

const HOUR = 3_600_000;
const filesOf = (json: string | null) => Object.values(readJson<Record<string, string>>(json) ?? {});

/** Deletes jobs finished more than `days` ago, rows first: a crash then leaves files to sweep, never a row without its files. */
export async function pruneFinishedJobs(
  db: Db,
  now = new Date(),
  days = config.DOCUMENT_JOB_RETENTION_DAYS
): Promise<number> {
  const old = await repo.finishedBefore(db, new Date(now.getTime() - days * 24 * HOUR).toISOString());
  await repo.deleteJobs(
    db,
    old.map((j) => j.id)
  );
  await removePrivateFiles(old.flatMap((j) => filesOf(j.files)));
  return old.length;
}

/** Removes the files of `dir` last changed before `before` that `keep` does not name; how many. */
async function removeOld(dir: string, before: number, keep: (name: string) => boolean = () => false) {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= before || keep(name)) continue;
    await rm(full, { force: true });
    removed++;
  }
  return removed;
}

/** Sweeps the leftovers of a crash older than the grace period; how many files of each kind went. */
export async function sweepLeftovers(db: Db, now = new Date(), graceHours = config.LEFTOVER_GRACE_HOURS) {
  const before = now.getTime() - graceHours * HOUR;
  const uploads = await removeOld(uploadTmpDir(), before);
  // A job saves its row seconds after its files, so any file past the grace period whose job
  // succeeded is named by a row read now.
  const named = new Set((await repo.allJobFiles(db)).flatMap(filesOf).map((rel) => path.basename(rel)));
  const jobFiles = await removeOld(jobFilesDir(), before, (name) => named.has(name));
  return { uploads, jobFiles };
}

let lastRun = 0;

/** Prunes and sweeps when an hour has passed since this process last did. */
export async function upkeepWhenDue(db: Db, now = Date.now()): Promise<void> {
  if (now - lastRun < HOUR) return;
  lastRun = now;
  const pruned = await pruneFinishedJobs(db);
  const swept = await sweepLeftovers(db);
  if (pruned || swept.uploads || swept.jobFiles) log.info({ pruned, ...swept }, 'data folder upkeep');
}
