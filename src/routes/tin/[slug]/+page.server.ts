import { loadOr404 } from '$lib/server/http';
import { publishedNews } from '$lib/server/news/news-public.service';
import type { PageServerLoad } from './$types';

/** The site's own card, for a news item with no photo. */
const SITE_CARD = '/og-card.png';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const item = await loadOr404(() => publishedNews(locals.db, params.slug));
  // Open Graph needs absolute addresses (Zalo and Facebook fetch them from outside). The card
  // shows the item's first photo: only photos published with it are listed, each with the
  // consent its people gave, and served to anyone at /tin/anh/<id>.
  const image = url.origin + (item.photos[0]?.url ?? SITE_CARD);
  return { item, origin: url.origin, image };
};
