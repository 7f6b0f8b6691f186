import { newsFeed } from '$lib/server/news/news-public.service';
import { homePlace } from '$lib/server/public/public-place.service';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The province's news as Atom. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { province } = await homePlace(locals.db);
  const title = m.pub_news_feed_title({ place: province?.fullName ?? m.app_name() }, { locale: 'vi' });
  const body = await newsFeed(locals.db, url.origin, { title, selfPath: '/tin/feed.xml', pagePath: '/tin' });
  return new Response(body, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=600' }
  });
};
