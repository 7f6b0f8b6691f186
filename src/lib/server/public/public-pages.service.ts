/**
 * What the public home page and a commune's public page show. Reports come from the public
 * list (published reports only, rounded positions); figures from public-figures.service.
 */
import type { Db } from '$lib/server/db';
import { listPublishedNews } from '$lib/server/news/news-public.service';
import { countPublicReports, listPublicReports } from '$lib/server/reports/public/public.service';
import { reportQuerySchema } from '$lib/server/reports/public/public.schema';
import type { ProgramFigure } from '$lib/shared/public/figures';
import { figureByCommune, yearFigures, type Figures } from './public-figures.service';
import { communeBySlug, homePlace } from './public-place.service';
import * as repo from './public-place.repository';

const LATEST_REPORTS = 5;
const COMMUNE_REPORTS = 10;
const COMMUNE_MODELS = 20;
const LATEST_NEWS = 3;

async function latestReports(db: Db, communeId: string | null, count: number) {
  const query = reportQuerySchema.parse(communeId ? { commune: communeId } : {});
  const { reports, total } = await listPublicReports(db, query, count);
  return { reports, total };
}

/**
 * The published reports behind the received and handled figures, counted with the very filters
 * the figures' links open (so the link's number is the list's number).
 */
async function publishedCounts(db: Db, year: number, communeId: string | null) {
  const base = { from: `01/01/${year}`, ...(communeId ? { commune: communeId } : {}) };
  const [received, handled] = await Promise.all([
    countPublicReports(db, reportQuerySchema.parse(base)),
    countPublicReports(db, reportQuerySchema.parse({ ...base, status: 'handled' }))
  ]);
  return { received, handled };
}

const withPublished = async (db: Db, figures: Figures, communeId: string | null): Promise<Figures> => ({
  ...figures,
  published: await publishedCounts(db, figures.year, communeId)
});

export async function homePage(db: Db) {
  const { province, communes } = await homePlace(db);
  const figures = province
    ? await withPublished(
        db,
        await yearFigures(
          db,
          province.id,
          communes.map((c) => c.id)
        ),
        null
      )
    : null;
  const [latest, news] = await Promise.all([
    latestReports(db, null, LATEST_REPORTS),
    listPublishedNews(db, { pageSize: LATEST_NEWS })
  ]);
  return { province, communes, figures, latest, news: { items: news.items, total: news.total } };
}

export async function communePage(db: Db, slug: string) {
  const { commune, canonical } = await communeBySlug(db, slug);
  const [figures, latest, models, news] = await Promise.all([
    yearFigures(db, commune.id, [commune.id]).then((f) => withPublished(db, f, commune.id)),
    latestReports(db, commune.id, COMMUNE_REPORTS),
    repo.communeModels(db, commune.id, COMMUNE_MODELS),
    listPublishedNews(db, { unitId: commune.id, pageSize: LATEST_NEWS })
  ]);
  return {
    commune,
    canonical,
    figures,
    latest,
    news: { items: news.items, total: news.total },
    models: models.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      status: m.status,
      startedOn: m.started_on,
      peopleInvolved: m.people_involved,
      place: m.place
    }))
  };
}

/**
 * A program figure of this year for each commune of the province, or for just the commune
 * `communeId` (the commune page's figures lead there). Null when there is no province or the
 * commune is not one of its communes.
 */
export async function figurePage(db: Db, code: ProgramFigure, communeId: string | null = null) {
  const { province, communes } = await homePlace(db);
  if (!province) return null;
  const result = await figureByCommune(db, province.id, code);
  const slugs = new Map(communes.map((c) => [c.id, c.slug]));
  const all = result.children.map((c) => ({ id: c.id, name: c.name, value: c.value, slug: slugs.get(c.id) ?? null }));
  const rows = communeId ? all.filter((r) => r.id === communeId) : all;
  if (communeId && !rows.length) return null;
  return {
    code,
    year: result.year,
    total: communeId ? rows[0].value : result.total,
    province,
    commune: communeId ? { name: rows[0].name, slug: rows[0].slug } : null,
    rows
  };
}
