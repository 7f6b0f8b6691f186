/**
 * Storing report attachments, and the URL officers and the public use to fetch them
 * (served by src/routes/attachments/[id]/+server.ts, which checks access).
 */
import type { Db } from '$lib/server/db';
import { newId, nowIso } from '$lib/server/db/ids';
import { storeMedia, type PreparedMedia } from '$lib/server/media/media';
import { insertAttachment } from './intake.repository';

/** Files are written before the rows; the transaction's rollback removes them (owned-files.ts). */
export async function saveAttachments(
  db: Db,
  reportId: string,
  eventId: string | null,
  media: PreparedMedia[],
  accountId: string | null
): Promise<string[]> {
  const ids: string[] = [];
  for (const m of media) {
    const id = newId();
    const { privatePath, publicPath } = await storeMedia(id, m);
    await insertAttachment(db, {
      id,
      report_id: reportId,
      event_id: eventId,
      kind: m.kind,
      private_path: privatePath,
      public_path: publicPath,
      sha256: m.sha256,
      mime: m.mime,
      bytes: m.bytes,
      captured_at: m.capturedAt,
      gps_lat: m.lat,
      gps_lon: m.lon,
      approved_public: 0,
      uploaded_by_account_id: accountId,
      created_at: nowIso()
    });
    ids.push(id);
  }
  return ids;
}

/**
 * Where to fetch an attachment. Photos default to the re-encoded copy without metadata;
 * `original: true` asks for the evidence file (officers in scope only), `thumb: true` for a
 * small copy of the re-encoded photo.
 */
export function attachmentUrl(attachment: { id: string }, opts: { original?: boolean; thumb?: boolean } = {}): string {
  const query = opts.original ? '?original=1' : opts.thumb ? '?size=thumb' : '';
  return `/attachments/${attachment.id}${query}`;
}
