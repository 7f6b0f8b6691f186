/**
 * Photos of program work. Each upload goes through sharp (src/lib/server/media): the original
 * is kept privately, pages only ever get the re-encoded copy without EXIF (members' phones
 * record GPS). Served by /program/activities/media/[id], which asks `openProgramMedia`.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { scopeSubquery } from '$lib/server/access/access';
import { AppError, isAppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { preparePhoto, readMedia, storeMedia } from '$lib/server/media/media';
import * as repo from './activity-media.repository';
import { READ } from '../policy';

export const MAX_ACTIVITY_PHOTOS = 5;
export interface Upload {
  data: Buffer;
  type: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decode every upload before anything is written, so a bad photo fails the whole form. */
export async function preparePhotos(files: Upload[], field: string, max: number) {
  if (files.length > max) throw new AppError('VALIDATION', 'pa_err_photo_count', { field });
  const out = [];
  for (const f of files) {
    try {
      out.push(await preparePhoto(f.data, f.type));
    } catch (e) {
      // The specific reason (too big, not a photo, unreadable…) under this form's photo field.
      throw new AppError('VALIDATION', isAppError(e) ? e.message : 'pa_err_photo', { field });
    }
  }
  return out;
}

type Prepared = Awaited<ReturnType<typeof preparePhotos>>;

/** `ids` lets a caller know a photo's id (and URL) before its owner exists. */
export async function savePhotos(
  db: Db,
  actor: Actor,
  owner: repo.Owner,
  ownerId: string,
  organisationId: string,
  photos: Prepared,
  ids = photos.map(() => newId())
): Promise<string[]> {
  for (const [i, p] of photos.entries()) {
    const id = ids[i];
    const { privatePath, publicPath } = await storeMedia(id, p);
    await repo.insertMedia(db, {
      id,
      owner_type: owner,
      owner_id: ownerId,
      organisation_id: organisationId,
      private_path: privatePath,
      public_path: publicPath!,
      sha256: p.sha256,
      mime: p.mime,
      bytes: p.bytes,
      created_by: actor.accountId,
      created_at: nowIso()
    });
  }
  return ids;
}

export const mediaUrl = (id: string) => `/program/activities/media/${id}`;

/** The metadata-free copy, for anyone who may read the owning organisation's work. */
export async function openProgramMedia(db: Db, actor: Actor, id: string): Promise<Buffer> {
  const row = UUID.test(id) ? await repo.findMediaInScope(db, id, scopeSubquery(db, actor, READ)) : undefined;
  if (!row) throw notFound();
  return readMedia(row.public_path);
}
