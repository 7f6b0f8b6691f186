/**
 * What the officer's news pages show: the list with starting points, the form values of a new
 * item (pre-filled from its record) or of an existing one, and the photo addresses to preview.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { AppError } from '$lib/server/errors';
import { formatDate, todayVn } from '$lib/shared/format';
import { draftFrom, startingPoints, type SourcePhoto } from './news-draft.service';
import { listNews, newsForEdit } from './news.service';
import { NEWS_SOURCES, type NewsSourceType } from './news.schema';

/** Where an officer previews a record's photo (the record's own public-safe copy). */
export const sourcePhotoUrl = (p: Pick<SourcePhoto, 'mediaId' | 'mediaKind'>) =>
  p.mediaKind === 'program_media' ? `/program/activities/media/${p.mediaId}` : `/reports-public/photo/${p.mediaId}`;

export async function newsIndex(db: Db, actor: Actor) {
  const [items, sources] = await Promise.all([listNews(db, actor), startingPoints(db, actor)]);
  return { items, sources };
}

export async function newNewsForm(db: Db, actor: Actor, type: string | null, id: string | null) {
  if (!type || !id || !(NEWS_SOURCES as readonly string[]).includes(type)) throw new AppError('NOT_FOUND');
  const draft = await draftFrom(db, actor, type as NewsSourceType, id);
  return {
    values: {
      source_type: draft.sourceType,
      source_id: draft.sourceId,
      title: draft.title,
      summary: draft.summary,
      body: draft.body,
      // Every photo starts unticked: putting one on the public pages is the officer's choice,
      // photo by photo (a reporter's photo, or an activity's, may show people or their homes).
      photos: []
    } as Record<string, string | string[]>,
    photos: draft.photos.map((p) => ({ id: p.mediaId, url: sourcePhotoUrl(p) }))
  };
}

const vnDateTime = (iso: string) => {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false
  }).format(d);
  return { date: formatDate(todayVn(d)), time };
};

export async function editNewsForm(db: Db, actor: Actor, id: string) {
  const { item, photos, offered } = await newsForEdit(db, actor, id);
  const moment = item.publish_at ? vnDateTime(item.publish_at) : null;
  const chosen = photos.map((p) => p.media_id);
  const all = [...offered.map((p) => ({ id: p.mediaId, url: sourcePhotoUrl(p) }))];
  return {
    item: {
      id: item.id,
      slug: item.slug,
      status: item.status,
      publishAt: item.publish_at,
      isPublic: item.status === 'published' && !!item.publish_at && item.publish_at <= new Date().toISOString(),
      author: item.author_name,
      title: item.title,
      summary: item.summary,
      body: item.body,
      photos: photos.map((p) => sourcePhotoUrl({ mediaId: p.media_id, mediaKind: p.media_kind })),
      captions: photos.map((p) => p.caption)
    },
    values: {
      source_type: item.source_type,
      source_id: item.source_id ?? '',
      title: item.title,
      summary: item.summary,
      body: item.body,
      publish_on: moment?.date ?? '',
      publish_time: moment?.time ?? '',
      photos: chosen,
      people: photos.filter((p) => p.shows_people).map((p) => p.media_id),
      consent: photos.filter((p) => p.consent_recorded_at).map((p) => p.media_id),
      ...Object.fromEntries(photos.map((p) => [`caption_${p.media_id}`, p.caption ?? '']))
    } as Record<string, string | string[]>,
    photos: all
  };
}
