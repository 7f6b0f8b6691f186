import { can } from '$lib/server/access/access';
import { listPublishedNews } from '$lib/server/news/news-public.service';
import { WRITE_NEWS } from '$lib/server/news/news.policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const page = Number(url.searchParams.get('page')) || 1;
  const news = await listPublishedNews(locals.db, { page });
  // Officers who write news find the way there from the public list.
  return { ...news, canWrite: locals.actor.kind === 'account' && can(locals.actor, WRITE_NEWS) };
};
