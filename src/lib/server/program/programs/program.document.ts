/**
 * The signed program document (PDF or a photo of it). Kept privately under
 * DATA_DIR/private/programs/<program>/ with a random name; only users who can read the
 * program download it, through the program service.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { config } from '$lib/server/config';
import { writeOwnedFile } from '$lib/server/db/owned-files';
import { AppError } from '$lib/server/errors';
import { newId } from '$lib/server/db/ids';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  readPrivate,
  type UploadedDocument
} from '$lib/server/reports/workflow/documents';

export type { UploadedDocument };

const MIME_OF: Record<string, string> = Object.fromEntries(
  Object.entries(DOCUMENT_TYPES).map(([mime, ext]) => [ext, mime])
);

export function checkProgramDocument(doc: UploadedDocument): void {
  if (!DOCUMENT_TYPES[doc.type]) throw new AppError('VALIDATION', 'pp_err_document_type', { field: 'document' });
  if (doc.bytes.byteLength > DOCUMENT_MAX_BYTES)
    throw new AppError('VALIDATION', 'pp_err_document_size', { field: 'document' });
}

/** Returns the path relative to DATA_DIR/private. */
export async function storeProgramDocument(programId: string, doc: UploadedDocument): Promise<string> {
  checkProgramDocument(doc);
  const dir = path.join('programs', programId);
  await mkdir(path.resolve(config.DATA_DIR, 'private', dir), { recursive: true });
  const rel = path.join(dir, `${newId()}.${DOCUMENT_TYPES[doc.type]}`);
  await writeOwnedFile(path.resolve(config.DATA_DIR, 'private', rel), doc.bytes, { mode: 0o600 });
  return rel;
}

export async function readProgramDocument(rel: string): Promise<{ body: Buffer; mime: string; ext: string }> {
  const ext = path.extname(rel).slice(1);
  return { body: await readPrivate(rel), mime: MIME_OF[ext] ?? 'application/octet-stream', ext };
}
