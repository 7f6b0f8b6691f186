/** SQL for news items and their photos. No business rules here (see news.service.ts). */
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { NewsItemTable, NewsPhotoTable } from '$lib/server/db/schema';
import type { OrgScope } from '$lib/server/access/access';

export type NewsRow = NewsItemTable;

export async function insertNews(db: Db, row: Insertable<NewsItemTable>): Promise<void> {
  await db.insertInto('news_item').values(row).execute();
}

export async function updateNews(db: Db, id: string, patch: Updateable<NewsItemTable>): Promise<void> {
  await db.updateTable('news_item').set(patch).where('id', '=', id).execute();
}

export async function findByIdempotencyKey(db: Db, key: string) {
  return db.selectFrom('news_item').select(['id']).where('idempotency_key', '=', key).executeTakeFirst();
}

export async function findNewsInScope(db: Db, id: string, scope: OrgScope) {
  return db
    .selectFrom('news_item')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

export async function listNewsInScope(db: Db, scope: OrgScope, limit: number) {
  return db
    .selectFrom('news_item')
    .select(['id', 'slug', 'title', 'status', 'publish_at', 'author_name', 'source_type', 'updated_at'])
    .where('organisation_id', 'in', scope)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function replacePhotos(db: Db, newsId: string, photos: Insertable<NewsPhotoTable>[]): Promise<void> {
  await db.deleteFrom('news_photo').where('news_id', '=', newsId).execute();
  if (photos.length) await db.insertInto('news_photo').values(photos).execute();
}

export async function listPhotos(db: Db, newsIds: string[]) {
  if (!newsIds.length) return [];
  return db
    .selectFrom('news_photo')
    .selectAll()
    .where('news_id', 'in', newsIds)
    .orderBy('news_id')
    .orderBy('sort_order')
    .execute();
}

export interface PublicNewsFilter {
  /** ISO instant: only items published at or before it */
  now: string;
  unitId?: string;
}

function publicNews(db: Db, f: PublicNewsFilter) {
  let q = db
    .selectFrom('news_item as n')
    .leftJoin('admin_unit as u', 'u.id', 'n.admin_unit_id')
    .where('n.status', '=', 'published')
    .where('n.publish_at', '<=', f.now);
  if (f.unitId) q = q.where('n.admin_unit_id', '=', f.unitId);
  return q;
}

const PUBLIC_COLUMNS = [
  'n.id',
  'n.slug',
  'n.title',
  'n.summary',
  'n.body',
  'n.author_name',
  'n.publish_at',
  'n.updated_at',
  'n.source_type',
  'n.admin_unit_id',
  'u.name as unit_name',
  'u.full_name as unit_full_name',
  'u.code as unit_code'
] as const;

/** Published items, newest first. */
export async function listPublicNews(db: Db, f: PublicNewsFilter, limit: number, offset = 0) {
  return publicNews(db, f)
    .select(PUBLIC_COLUMNS)
    .orderBy('n.publish_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type PublicNewsRow = Awaited<ReturnType<typeof listPublicNews>>[number];

export async function countPublicNews(db: Db, f: PublicNewsFilter): Promise<number> {
  const row = await publicNews(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findPublicNewsBySlug(db: Db, slug: string, now: string) {
  return publicNews(db, { now }).select(PUBLIC_COLUMNS).where('n.slug', '=', slug).executeTakeFirst();
}

/** A photo of a published item (what /tin/anh/[id] serves). */
export async function findPublicNewsPhoto(db: Db, photoId: string, now: string) {
  return publicNews(db, { now })
    .innerJoin('news_photo as p', 'p.news_id', 'n.id')
    .select(['p.public_path'])
    .where('p.id', '=', photoId)
    .executeTakeFirst();
}

/** A photo of an item in the officer's scope (preview before publication). */
export async function findNewsPhotoInScope(db: Db, photoId: string, scope: OrgScope) {
  return db
    .selectFrom('news_photo as p')
    .innerJoin('news_item as n', 'n.id', 'p.news_id')
    .select(['p.public_path'])
    .where('p.id', '=', photoId)
    .where('n.organisation_id', 'in', scope)
    .executeTakeFirst();
}

/** The author's name as shown on the news item (an account's display name). */
export async function displayNameOf(db: Db, accountId: string | null): Promise<string | null> {
  if (!accountId) return null;
  const row = await db.selectFrom('account').select('display_name').where('id', '=', accountId).executeTakeFirst();
  return row?.display_name ?? null;
}

/** Items written from one record that the public can still reach (published or scheduled). */
export async function liveNewsFromSource(db: Db, sourceType: NewsItemTable['source_type'], sourceId: string) {
  return db
    .selectFrom('news_item')
    .select(['id', 'organisation_id', 'status'])
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .where('status', '=', 'published')
    .execute();
}
