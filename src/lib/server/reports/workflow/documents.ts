/**
 * Outcome documents (decisions, minutes) uploaded by agency officers. Stored privately under
 * DATA_DIR/private/reports/<report>/ with a random name; only officers in scope download them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { config } from '$lib/server/config';
import { writeOwnedFile } from '$lib/server/db/owned-files';
import { AppError } from '$lib/server/errors';
import { newId } from '$lib/server/db/ids';

export const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp'
};
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const ROOT = () => path.resolve(config.DATA_DIR, 'private');

export interface UploadedDocument {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface StoredDocument {
  privatePath: string; // relative to DATA_DIR/private
  sha256: string;
  mime: string;
  bytes: number;
}

export function checkDocument(doc: UploadedDocument): void {
  if (!DOCUMENT_TYPES[doc.type]) throw new AppError('VALIDATION', 'rw_err_document_type', { field: 'document' });
  if (doc.bytes.byteLength > DOCUMENT_MAX_BYTES)
    throw new AppError('VALIDATION', 'rw_err_document_size', { field: 'document' });
}

export async function storeDocument(reportId: string, doc: UploadedDocument): Promise<StoredDocument> {
  checkDocument(doc);
  const rel = path.join('reports', reportId, `${newId()}.${DOCUMENT_TYPES[doc.type]}`);
  await mkdir(path.join(ROOT(), 'reports', reportId), { recursive: true });
  await writeOwnedFile(path.join(ROOT(), rel), doc.bytes);
  return {
    privatePath: rel,
    sha256: createHash('sha256').update(doc.bytes).digest('hex'),
    mime: doc.type,
    bytes: doc.bytes.byteLength
  };
}

/** Reads a stored file; refuses paths that would leave the private folder. */
export async function readPrivate(rel: string): Promise<Buffer> {
  const full = path.resolve(ROOT(), rel);
  if (!full.startsWith(ROOT() + path.sep)) throw new AppError('NOT_FOUND');
  return readFile(full);
}
