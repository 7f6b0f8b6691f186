/**
 * The document worker: in the server process, one job at a time, so a province's tổng kết
 * never holds a request (or the event loop of many) while it is made. It survives restarts
 * because the queue is the `document_job` table: on start it takes the jobs still waiting, and
 * a job left running by a process that died is taken again once `STALE_MINUTES` have passed
 * (no live worker takes that long), up to `MAX_ATTEMPTS` tries. A request that enqueues wakes
 * it; otherwise it looks every `POLL_MS` (another process may have enqueued).
 */
import type { Db } from '$lib/server/db';
import { undoFilesOnFailure } from '$lib/server/db/owned-files';
import { isAppError } from '$lib/server/errors';
import { log } from '$lib/server/log';
import * as repo from './job.repository';
import { upkeepWhenDue } from './upkeep';

export const STALE_MINUTES = 5;
export const MAX_ATTEMPTS = 3;
const POLL_MS = 5_000;

/** Makes a job's files; returns their paths under DATA_DIR/private by name. */
export type JobHandler = (db: Db, job: repo.JobRow) => Promise<Record<string, string>>;

const handlers = new Map<string, JobHandler>();

/** Each kind of document registers how it is made (reporting/report-jobs.service.ts). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/**
 * Takes and runs the next job, if any; false when the queue is empty. A refusal (the report
 * gone, the requester no longer allowed) fails the job at once; anything else is tried again.
 */
export async function runNextJob(db: Db, now = new Date()): Promise<boolean> {
  const job = await repo.claimNext(db, now.toISOString(), minutesBefore(now, STALE_MINUTES));
  if (!job) return false;
  const handler = handlers.get(job.kind);
  try {
    if (!handler) throw new Error(`no handler for ${job.kind}`);
    // A try that fails after storing some files (the annex, the finishing update) removes them.
    await undoFilesOnFailure(async () => {
      const files = await handler(db, job);
      await repo.finishJob(db, job.id, files, new Date().toISOString());
    });
  } catch (e) {
    const retry = !isAppError(e) && job.attempts < MAX_ATTEMPTS;
    log.warn({ err: e, job: job.id, attempt: job.attempts, retry }, 'document job failed');
    await repo.failJob(db, job.id, e instanceof Error ? e.message : String(e), retry, new Date().toISOString());
  }
  return true;
}

let wake: (() => void) | null = null;
let running = false;

/** Asks the worker of this process to look at the queue now. */
export function wakeWorker(): void {
  wake?.();
}

/** Starts this process's worker (once); it runs until the process ends. */
export function startWorker(db: Db): void {
  if (running) return;
  running = true;
  void (async () => {
    for (;;) {
      try {
        while (await runNextJob(db));
        await upkeepWhenDue(db);
      } catch (e) {
        log.error({ err: e }, 'document worker'); // the database was away: look again later
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
}
