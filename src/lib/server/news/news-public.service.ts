/**
 * Public news: the list (province or one commune), one item by its address, its photos, and
 * the Atom feeds. Only published items whose moment has come are ever read here.
 */
import type { Db } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { nowIso } from '$lib/server/db/ids';
import { readMedia } from '$lib/server/media/media';
import { communeSlug } from '$lib/server/public/public-place.service';
import * as repo from './news.repository';
import { atomFeed } from './atom';

export const NEWS_PAGE_SIZE = 10;
const FEED_SIZE = 30;

export const newsPhotoUrl = (photoId: string) => `/tin/anh/${photoId}`;
export const newsUrl = (slug: string) => `/tin/${slug}`;

async function withPhotos(db: Db, rows: repo.PublicNewsRow[]) {
  const photos = await repo.listPhotos(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    body: r.body,
    author: r.author_name,
    publishedAt: r.publish_at!,
    updatedAt: r.updated_at,
    commune: r.admin_unit_id
      ? { name: r.unit_full_name ?? '', slug: communeSlug(r.unit_name ?? '', r.unit_code) }
      : null,
    photos: photos
      .filter((p) => p.news_id === r.id)
      .map((p) => ({ url: newsPhotoUrl(p.id), showsPeople: !!p.shows_people, caption: p.caption }))
  }));
}

export type PublicNews = Awaited<ReturnType<typeof withPhotos>>[number];

export async function listPublishedNews(db: Db, opts: { unitId?: string; page?: number; pageSize?: number } = {}) {
  const f = { now: nowIso(), unitId: opts.unitId };
  const size = opts.pageSize ?? NEWS_PAGE_SIZE;
  const total = await repo.countPublicNews(db, f);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  const rows = await repo.listPublicNews(db, f, size, (page - 1) * size);
  return { items: await withPhotos(db, rows), total, page, pages };
}

export async function publishedNews(db: Db, slug: string): Promise<PublicNews> {
  const row = await repo.findPublicNewsBySlug(db, slug, nowIso());
  if (!row) throw notFound();
  return (await withPhotos(db, [row]))[0];
}

export async function publicNewsPhoto(db: Db, photoId: string) {
  const photo = await repo.findPublicNewsPhoto(db, photoId, nowIso());
  if (!photo) throw notFound();
  return readMedia(photo.public_path);
}

/** The Atom feed of the province's news, or of one commune's (`commune` given). */
export async function newsFeed(
  db: Db,
  origin: string,
  opts: { title: string; selfPath: string; pagePath: string; unitId?: string }
): Promise<string> {
  const rows = await repo.listPublicNews(db, { now: nowIso(), unitId: opts.unitId }, FEED_SIZE);
  const items = await withPhotos(db, rows);
  return atomFeed({
    id: origin + opts.selfPath,
    title: opts.title,
    self: origin + opts.selfPath,
    alternate: origin + opts.pagePath,
    // An empty feed was last updated now (Atom needs a date; 1970 reads as broken).
    updated: items[0]?.updatedAt ?? new Date().toISOString(),
    entries: items.map((n) => ({
      id: origin + newsUrl(n.slug),
      title: n.title,
      link: origin + newsUrl(n.slug),
      published: n.publishedAt,
      updated: n.updatedAt,
      author: n.author,
      summary: n.summary,
      image: n.photos[0] ? origin + n.photos[0].url : null
    }))
  });
}
