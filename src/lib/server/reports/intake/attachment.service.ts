/**
 * Who may fetch an attachment. Officers with report.read over the report's commune Hội or
 * agency get it (the original evidence on request); the reporter holding the receipt gets
 * the metadata-free copy; everyone else only a copy approved for publication on a public
 * report. Anything else answers 404, like a missing file.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { inScope } from '$lib/server/access/access';
import { notFound } from '$lib/server/errors';
import { readMedia, thumbnail } from '$lib/server/media/media';
import { findAttachment } from './intake.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function openAttachment(
  db: Db,
  actor: Actor,
  id: string,
  opts: { original?: boolean; thumb?: boolean; followReportId?: string | null } = {}
) {
  const a = UUID.test(id) ? await findAttachment(db, id) : undefined;
  if (!a) throw notFound();
  const officer =
    (await inScope(db, actor, 'report.read', a.commune_org_id)) ||
    (await inScope(db, actor, 'report.read', a.agency_org_id));
  const reporter = !!opts.followReportId && opts.followReportId === a.report_id;
  const published = a.approved_public === 1 && a.is_public === 1;
  if (!officer && !reporter && !published) throw notFound();
  // Audio has no public copy; it is never published, so only officers and the reporter reach it.
  const useOriginal = a.public_path === null || (officer && opts.original === true);
  if (useOriginal && a.kind === 'photo' && !officer) throw notFound();
  const body = await readMedia(useOriginal ? a.private_path : a.public_path!);
  const thumb = !useOriginal && opts.thumb === true;
  return { body: thumb ? await thumbnail(body) : body, mime: useOriginal ? a.mime : 'image/jpeg', private: !published };
}
