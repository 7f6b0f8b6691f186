import { rethrowAsHttp } from '$lib/server/http';
import { newsFeed } from '$lib/server/news/news-public.service';
import { communeBySlug } from '$lib/server/public/public-place.service';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** One commune's news as Atom. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { commune } = await communeBySlug(locals.db, params.slug).catch(rethrowAsHttp);
  const body = await newsFeed(locals.db, url.origin, {
    title: m.pub_news_feed_title({ place: commune.fullName }, { locale: 'vi' }),
    selfPath: `/xa/${commune.slug}/tin.xml`,
    pagePath: `/xa/${commune.slug}`,
    unitId: commune.id
  });
  return new Response(body, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=600' }
  });
};
