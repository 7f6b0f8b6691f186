/**
 * Photos and documents attached to manual evidence: written to storage before the evidence
 * row (the callers own them: a failed save removes them, see owned-files.ts), and served to readers in scope —
 * photos as their metadata-free copy, documents as the original, always as a download.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { can, scopeSubquery } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { newId } from '$lib/server/db/ids';
import type { EmuFileTable } from '$lib/server/db/schema';
import { readMedia } from '$lib/server/media/media';
import { storeFile, type PreparedFile } from './files';
import { boardPhoto, findFileInScope, findNominatedEvidenceFile, findOwnEvidenceFile } from './file.repository';
import { personOfAccount } from './page.repository';
import { READ } from './policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function storeEvidenceFiles(
  files: PreparedFile[],
  o: { registrationId: string; evidenceId: string | null; row: { organisation_id: string }; actor: Actor }
): Promise<EmuFileTable[]> {
  const out: EmuFileTable[] = [];
  // Files are listed by created_at: a small document stored in the same millisecond as the
  // photo before it would otherwise come back in random (id) order, so each gets its own tick.
  const t0 = Date.now();
  for (const [i, f] of files.entries()) {
    const id = newId();
    const paths = await storeFile(id, f);
    out.push({
      id,
      registration_id: o.registrationId,
      evidence_id: o.evidenceId,
      organisation_id: o.row.organisation_id,
      kind: f.kind,
      mime: f.mime,
      file_name: f.name,
      bytes: f.bytes,
      sha256: paths.sha256,
      private_path: paths.privatePath,
      public_path: paths.publicPath,
      thumb_path: paths.thumbPath,
      alt: null,
      created_by: o.actor.accountId,
      created_at: new Date(t0 + i).toISOString()
    });
  }
  return out;
}

export interface OpenedFile {
  body: Buffer;
  type: string;
  name: string;
  inline: boolean;
}

/**
 * The file, for readers of the registration's organisation, for the level it was nominated to
 * (they read the dossier they decide on) or for the member the registration is about (her page shows her evidence, so its photos must open too: the same rule as
 * readRegistration). Anyone else, another member included, gets 404.
 */
async function findReadableFile(db: Db, actor: Actor, id: string) {
  if (!UUID.test(id)) return undefined;
  const inScope = can(actor, READ) ? await findFileInScope(db, id, scopeSubquery(db, actor, READ)) : undefined;
  if (inScope) return inScope;
  const nominated = can(actor, READ)
    ? await findNominatedEvidenceFile(db, id, scopeSubquery(db, actor, READ))
    : undefined;
  if (nominated) return nominated;
  const personId = actor.accountId ? await personOfAccount(db, actor.accountId) : null;
  return personId ? findOwnEvidenceFile(db, id, personId) : undefined;
}

export async function openEvidenceFile(db: Db, actor: Actor, id: string, thumb: boolean): Promise<OpenedFile> {
  const f = await findReadableFile(db, actor, id);
  if (!f) throw notFound();
  if (f.kind === 'photo') {
    const body = await readMedia((thumb ? f.thumb_path : f.public_path) ?? f.public_path!);
    return { body, type: 'image/jpeg', name: f.file_name.replace(/\.[^.]*$/, '') + '.jpg', inline: true };
  }
  return { body: await readMedia(f.private_path), type: f.mime, name: f.file_name, inline: false };
}

/** An awardee's photo on the public board: only while both consents stand. */
export async function openBoardPhoto(db: Db, id: string, thumb: boolean): Promise<Buffer> {
  const f = UUID.test(id) ? await boardPhoto(db, id) : undefined;
  if (!f) throw notFound();
  return readMedia((thumb ? f.thumb_path : f.public_path)!);
}
