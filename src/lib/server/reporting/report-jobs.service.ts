/**
 * A report's .docx and annex made by the document worker (documents/jobs/worker.ts) instead
 * of inside the request: the request enqueues a job and the page shows its status until the
 * files are ready. The files are made with the requester's reading scope (a province officer
 * and a commune officer may see different records behind the same report), so a job is its
 * requester's: another reader gets their own job, and a job's page and files answer 404 to
 * anyone but its requester, and to the requester once they may no longer read the report.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { findActiveGrants } from '$lib/server/auth/auth.repository';
import { newId } from '$lib/server/db/ids';
import { readJson } from '$lib/server/db/dialect';
import { AppError, notFound } from '$lib/server/errors';
import { readIssuedFile, storeJobFile } from '$lib/server/documents/files';
import * as jobs from '$lib/server/documents/jobs/job.repository';
import { registerJobHandler, wakeWorker } from '$lib/server/documents/jobs/worker';
import { loadReport, titleOf } from './report.service';
import { reportFiles } from './report.document';

const KIND = 'periodic_report';

/** A done job is handed out again for this long; then a new request makes the files afresh. */
export const FRESH_MINUTES = 15;

/** The version of the report a file is of: any edit, step or new version changes it. */
const versionOf = (r: { version: number; status: string; updated_at: string }) =>
  `${r.version}|${r.status}|${r.updated_at}`;

export interface JobView {
  id: string;
  reportId: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  createdAt: string;
  finishedAt: string | null;
}

const viewOf = (j: jobs.JobRow): JobView => ({
  id: j.id,
  reportId: j.entity_id,
  status: j.status,
  createdAt: j.created_at,
  finishedAt: j.finished_at
});

function accountOf(actor: Actor): string {
  if (actor.kind !== 'account' || !actor.accountId) throw new AppError('FORBIDDEN');
  return actor.accountId;
}

/** The job making report `reportId`'s documents for `actor`: the same one while its version holds. */
export async function requestReportDocuments(db: Db, actor: Actor, reportId: string, now = new Date()) {
  const row = await loadReport(db, actor, reportId); // out of scope: 404
  const key = { kind: KIND, entityId: row.id, requestedBy: accountOf(actor), versionKey: versionOf(row) };
  const fresh = new Date(now.getTime() - FRESH_MINUTES * 60_000).toISOString();
  const found = await jobs.findReusable(db, key, fresh);
  if (found) return viewOf(found);
  const id = newId();
  await jobs.insertJob(db, {
    id,
    kind: KIND,
    entity_id: row.id,
    version_key: key.versionKey,
    requested_by: key.requestedBy,
    status: 'pending',
    attempts: 0,
    error: null,
    files: null,
    created_at: now.toISOString(),
    started_at: null,
    finished_at: null
  });
  wakeWorker();
  return viewOf((await jobs.findJob(db, id))!);
}

async function ownJob(db: Db, actor: Actor, reportId: string, jobId: string) {
  const job = await jobs.findJob(db, jobId);
  if (!job || job.kind !== KIND || job.entity_id !== reportId || job.requested_by !== actor.accountId) throw notFound();
  const row = await loadReport(db, actor, reportId); // may no longer read it: 404
  return { job, row };
}

/** The job's status, for its requester while they may read the report. */
export async function reportJob(db: Db, actor: Actor, reportId: string, jobId: string) {
  const { job, row } = await ownJob(db, actor, reportId, jobId);
  return { ...viewOf(job), title: titleOf(row) };
}

/** One of a done job's files ('docx' or 'annex'), for its requester while they may read the report. */
export async function reportJobFile(db: Db, actor: Actor, reportId: string, jobId: string, which: 'docx' | 'annex') {
  const { job } = await ownJob(db, actor, reportId, jobId);
  const path = job.status === 'done' ? readJson<Record<string, string>>(job.files)?.[which] : undefined;
  if (!path) throw notFound();
  return readIssuedFile(path);
}

/** The worker's side: the requester's actor as of now (grants revoked since count). */
async function makeFiles(db: Db, job: jobs.JobRow): Promise<Record<string, string>> {
  const account = await jobs.activeAccount(db, job.requested_by);
  if (!account) throw new AppError('FORBIDDEN');
  const actor: Actor = {
    kind: 'account',
    accountId: account.id,
    name: account.username,
    grants: await findActiveGrants(db, account.id)
  };
  const { docx, annex } = await reportFiles(db, actor, job.entity_id);
  return {
    docx: await storeJobFile(job.id, 'bao-cao.docx', docx),
    annex: await storeJobFile(job.id, 'phu-luc.xlsx', annex)
  };
}

registerJobHandler(KIND, makeFiles);

/** Starts this process's document worker with the report documents registered (hooks.server). */
export { startWorker as startDocumentWorker } from '$lib/server/documents/jobs/worker';
