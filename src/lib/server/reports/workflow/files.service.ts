/** Downloading outcome documents: only for officers who can read the report. */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { notFound } from '$lib/server/errors';
import { loadReadable } from './core';
import { findAttachment } from './workflow.repository';
import { readPrivate } from './documents';

export async function downloadDocument(
  db: Db,
  actor: Actor,
  reportId: string,
  fileId: string
): Promise<{ body: Buffer; mime: string }> {
  const r = await loadReadable(db, actor, reportId);
  const a = await findAttachment(db, r.id, fileId);
  // Photos and voice notes belong to intake's media pipeline; this route serves documents only.
  if (!a || a.kind !== 'document') throw notFound();
  return { body: await readPrivate(a.private_path), mime: a.mime };
}
