/**
 * Writing public news: create from a record (re-reading the record, so only its own public
 * photos can be attached), edit, publish now or at a later moment, unpublish. Every change is
 * audited; a retried submission returns the item it already created.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { requireAction, scopeSubquery } from '$lib/server/access/access';
import { audit } from '$lib/server/audit/audit.service';
import { AppError, notFound } from '$lib/server/errors';
import { newId, nowIso } from '$lib/server/db/ids';
import { fold } from '$lib/shared/text';
import { draftFrom, type NewsDraft } from './news-draft.service';
import * as repo from './news.repository';
import { publicAwardFacts } from './news-source.repository';
import { publishMoment, type NewsInput } from './news.schema';
import { WRITE_NEWS, photosLackingConsent } from './news.policy';

/** "Lễ ký kết chương trình" → "le-ky-ket-chuong-trinh-1a2b3c" (readable, unique, stable once made). */
export function newsSlug(title: string, id: string): string {
  const words = fold(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return `${words || 'tin'}-${id.replace(/-/g, '').slice(0, 6)}`;
}

function chosenPhotos(draft: NewsDraft, input: NewsInput, actor: Actor, newsId: string, now: string) {
  const offered = new Map(draft.photos.map((p) => [p.mediaId, p]));
  const chosen = input.photos.filter((idOf) => offered.has(idOf));
  const choices = chosen.map((mediaId) => ({
    mediaId,
    showsPeople: input.people.includes(mediaId),
    consent: input.consent.includes(mediaId)
  }));
  const lacking = photosLackingConsent(choices);
  if (lacking.length) throw new AppError('VALIDATION', 'pub_err_photo_consent', { field: `consent_${lacking[0]}` });
  return choices.map((c, i) => {
    const p = offered.get(c.mediaId)!;
    return {
      id: newId(),
      news_id: newsId,
      media_id: p.mediaId,
      media_kind: p.mediaKind,
      public_path: p.publicPath,
      mime: p.mime,
      caption: input.captions[c.mediaId] || null,
      shows_people: c.showsPeople ? 1 : 0,
      consent_recorded_by: c.showsPeople ? actor.accountId : null,
      consent_recorded_at: c.showsPeople ? now : null,
      sort_order: i
    };
  });
}

const statusOf = (input: NewsInput) => (input.intent === 'publish' ? 'published' : 'draft');

export async function createNews(db: Db, actor: Actor, input: NewsInput): Promise<string> {
  requireAction(actor, WRITE_NEWS);
  if (input.idempotency_key) {
    const existing = await repo.findByIdempotencyKey(db, input.idempotency_key);
    if (existing) return existing.id;
  }
  const draft = await draftFrom(db, actor, input.source_type, input.source_id);
  const id = newId();
  const now = nowIso();
  const photos = chosenPhotos(draft, input, actor, id, now);
  const author = (await repo.displayNameOf(db, actor.accountId)) ?? actor.name;
  const row = {
    id,
    slug: newsSlug(input.title, id),
    title: input.title,
    summary: input.summary,
    body: input.body,
    source_type: draft.sourceType,
    source_id: draft.sourceId,
    organisation_id: draft.organisationId,
    admin_unit_id: draft.communeId,
    status: statusOf(input),
    publish_at: input.intent === 'publish' || input.publish_on ? publishMoment(input, now) : null,
    author_account_id: actor.accountId,
    author_name: author,
    idempotency_key: input.idempotency_key || null,
    created_at: now,
    updated_at: now
  } as const;
  await db.transaction().execute(async (tx) => {
    await repo.insertNews(tx, row);
    await repo.replacePhotos(tx, id, photos);
    await audit(tx, actor, {
      action: 'create',
      entityType: 'news_item',
      entityId: id,
      organisationId: row.organisation_id,
      after: { title: row.title, status: row.status, publish_at: row.publish_at, photos: photos.length }
    });
  });
  return id;
}

async function loadInScope(db: Db, actor: Actor, id: string) {
  requireAction(actor, WRITE_NEWS);
  const item = await repo.findNewsInScope(db, id, scopeSubquery(db, actor, WRITE_NEWS));
  if (!item) throw notFound();
  return item;
}

/**
 * News told from an award names the awardee as the honour board does, so it may go public only
 * while her consent stands. A withdrawn consent is said plainly rather than as a 404: the officer
 * can see the item, and needs to know why it stays off the public pages.
 */
async function refuseWithdrawnAward(db: Db, actor: Actor, item: { source_type: string; source_id: string | null }) {
  if (item.source_type !== 'award' || !item.source_id) return;
  const [award] = await publicAwardFacts(db, item.source_id, scopeSubquery(db, actor, WRITE_NEWS));
  if (!award) throw new AppError('CONFLICT', 'emul3_err_news_award_consent');
}

/** Edit the text, photos and moment; saving as a draft takes a published item off the public pages. */
export async function updateNews(db: Db, actor: Actor, id: string, input: NewsInput): Promise<void> {
  const item = await loadInScope(db, actor, id);
  if (input.intent === 'publish') await refuseWithdrawnAward(db, actor, item);
  const draft = await draftFrom(db, actor, item.source_type as NewsInput['source_type'], item.source_id ?? '');
  const now = nowIso();
  const photos = chosenPhotos(draft, input, actor, id, now);
  const patch = {
    title: input.title,
    summary: input.summary,
    body: input.body,
    status: statusOf(input),
    publish_at: input.intent === 'publish' || input.publish_on ? publishMoment(input, now) : null,
    updated_at: now
  } as const;
  await db.transaction().execute(async (tx) => {
    await repo.updateNews(tx, id, patch);
    await repo.replacePhotos(tx, id, photos);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'news_item',
      entityId: id,
      organisationId: item.organisation_id,
      before: { title: item.title, status: item.status, publish_at: item.publish_at },
      after: { title: patch.title, status: patch.status, publish_at: patch.publish_at, photos: photos.length }
    });
  });
}

/** Publish (keeping a scheduled moment, else now) or take off the public pages. */
export async function setNewsPublished(db: Db, actor: Actor, id: string, publish: boolean): Promise<void> {
  const item = await loadInScope(db, actor, id);
  if (publish) await refuseWithdrawnAward(db, actor, item);
  const now = nowIso();
  const patch = publish
    ? { status: 'published' as const, publish_at: item.publish_at ?? now, updated_at: now }
    : { status: 'unpublished' as const, updated_at: now };
  await db.transaction().execute(async (tx) => {
    await repo.updateNews(tx, id, patch);
    await audit(tx, actor, {
      action: 'update',
      entityType: 'news_item',
      entityId: id,
      organisationId: item.organisation_id,
      before: { status: item.status },
      after: { status: patch.status },
      note: publish ? 'publish' : 'unpublish'
    });
  });
}

/**
 * Takes off the public pages every item written from an award whose awardee withdrew consent:
 * the news names her as the honour board did, so it goes with the board, in the caller's
 * transaction. Returns how many items were taken down.
 */
export async function unpublishAwardNews(tx: Db, actor: Actor, awardId: string): Promise<number> {
  const items = await repo.liveNewsFromSource(tx, 'award', awardId);
  const now = nowIso();
  for (const item of items) {
    await repo.updateNews(tx, item.id, { status: 'unpublished', updated_at: now });
    await audit(tx, actor, {
      action: 'update',
      entityType: 'news_item',
      entityId: item.id,
      organisationId: item.organisation_id,
      before: { status: item.status },
      after: { status: 'unpublished' },
      note: 'consent_withdrawn'
    });
  }
  return items.length;
}

/** The item with its photos and the photos its record offers (for the edit form and preview). */
export async function newsForEdit(db: Db, actor: Actor, id: string) {
  const item = await loadInScope(db, actor, id);
  const [photos, draft] = await Promise.all([
    repo.listPhotos(db, [id]),
    draftFrom(db, actor, item.source_type as NewsInput['source_type'], item.source_id ?? '').catch(() => null)
  ]);
  return { item, photos, offered: draft?.photos ?? [] };
}

export async function listNews(db: Db, actor: Actor, limit = 50) {
  requireAction(actor, WRITE_NEWS);
  return repo.listNewsInScope(db, scopeSubquery(db, actor, WRITE_NEWS), limit);
}

/** A photo of an item in scope, for the officer's preview. */
export async function newsPhotoForOfficer(db: Db, actor: Actor, photoId: string) {
  requireAction(actor, WRITE_NEWS);
  const photo = await repo.findNewsPhotoInScope(db, photoId, scopeSubquery(db, actor, WRITE_NEWS));
  if (!photo) throw notFound();
  return photo;
}
