import { loadOr404 } from '$lib/server/http';
import { publishedNews } from '$lib/server/news/news-public.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const item = await loadOr404(() => publishedNews(locals.db, params.slug));
  // Open Graph needs absolute addresses (Zalo and Facebook fetch them from outside).
  return { item, origin: url.origin };
};
