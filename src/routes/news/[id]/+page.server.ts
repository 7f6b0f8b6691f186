import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { newsSchema } from '$lib/server/news/news.schema';
import { setNewsPublished, updateNews } from '$lib/server/news/news.service';
import { editNewsForm } from '$lib/server/news/news-page.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const page = await loadOr404(() => editNewsForm(event.locals.db, actor, event.params.id));
  return { ...page, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
  save: formAction({
    schema: newsSchema,
    run: ({ db, actor, data, event }) => updateNews(db, actor, event.params.id!, data),
    redirectTo: (_r, event) => `/news/${event.params.id}?saved=1`
  }),
  publish: formAction({
    schema: z.object({}),
    run: ({ db, actor, event }) => setNewsPublished(db, actor, event.params.id!, true),
    redirectTo: (_r, event) => `/news/${event.params.id}?saved=1`
  }),
  unpublish: formAction({
    schema: z.object({}),
    run: ({ db, actor, event }) => setNewsPublished(db, actor, event.params.id!, false),
    redirectTo: (_r, event) => `/news/${event.params.id}?saved=1`
  })
};
