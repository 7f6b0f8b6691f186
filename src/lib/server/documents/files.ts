/**
 * Issued documents are kept exactly as they went out: the .docx (and annex .xlsx) written at
 * issue time under DATA_DIR/private/documents/<year>/, never regenerated.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { config } from '$lib/server/config';
import { writeOwnedFile } from '$lib/server/db/owned-files';
import { notFound } from '$lib/server/errors';

const root = () => path.resolve(config.DATA_DIR, 'private');

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function storeIssuedFile(year: number, name: string, bytes: Buffer): Promise<string> {
  const rel = path.join('documents', String(year), name);
  await mkdir(path.join(root(), 'documents', String(year)), { recursive: true });
  await writeOwnedFile(path.join(root(), rel), bytes, { mode: 0o600 });
  return rel;
}

/**
 * A generated (not issued) file of a document job, kept until the job is pruned
 * (documents/jobs/upkeep.ts). Owned by the job's unit of work: a job that fails after storing
 * its files leaves none behind.
 */
export async function storeJobFile(jobId: string, name: string, bytes: Buffer): Promise<string> {
  const rel = path.join('jobs', `${jobId}-${name}`);
  await mkdir(path.join(root(), 'jobs'), { recursive: true });
  await writeOwnedFile(path.join(root(), rel), bytes, { mode: 0o600 });
  return rel;
}

/** The folder of job files, for the upkeep that prunes and sweeps it. */
export const jobFilesDir = () => path.join(root(), 'jobs');

/** Removes stored files by their paths under DATA_DIR/private (a missing one is no error). */
export async function removePrivateFiles(rels: string[]): Promise<void> {
  for (const rel of rels) {
    const full = path.resolve(root(), rel);
    if (full.startsWith(root() + path.sep)) await rm(full, { force: true });
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function readIssuedFile(rel: string): Promise<Buffer> {
  const full = path.resolve(root(), rel);
  if (!full.startsWith(root() + path.sep)) throw notFound();
  return readFile(full);
}

/** A file name people can read: "05-BC-HNCT.docx" from "05/BC-HNCT". */
export const fileNameOf = (numberText: string, ext: string) =>
  `${numberText.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}.${ext}`;
