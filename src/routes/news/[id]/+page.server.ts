import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { newsSchema } from '$lib/server/news/news.schema';
import { setNewsPublished, updateNews } from '$lib/server/news/news.service';
import { editNewsForm } from '$lib/server/news/news-page.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const page = await loadOr404(() => editNewsForm(event.locals.db, actor, event.params.id));
  // `?saved=1` after saving, `=published` / `=unpublished` after the buttons that do that: each says what happened.
  const done = event.url.searchParams.get('saved');
  return { ...page, saved: done === null ? null : done === 'published' || done === 'unpublished' ? done : 'saved' };
};

export const actions: Actions = {
  save: formAction({
    schema: newsSchema,
    run: async ({ db, actor, data, event }) => {
      await updateNews(db, actor, event.params.id!, data);
      return data.intent;
    },
    redirectTo: (intent, event) => `/news/${event.params.id}?saved=${intent === 'publish' ? 'published' : '1'}`
  }),
  publish: formAction({
    schema: z.object({}),
    run: ({ db, actor, event }) => setNewsPublished(db, actor, event.params.id!, true),
    redirectTo: (_r, event) => `/news/${event.params.id}?saved=published`
  }),
  unpublish: formAction({
    schema: z.object({}),
    run: ({ db, actor, event }) => setNewsPublished(db, actor, event.params.id!, false),
    redirectTo: (_r, event) => `/news/${event.params.id}?saved=unpublished`
  })
};
