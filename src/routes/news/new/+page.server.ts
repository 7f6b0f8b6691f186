import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { newsSchema } from '$lib/server/news/news.schema';
import { createNews } from '$lib/server/news/news.service';
import { newNewsForm } from '$lib/server/news/news-page.service';
import type { Actions, PageServerLoad } from './$types';

/** `?source=activity|model|report&id=…`: the record the news item tells about. */
export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const q = event.url.searchParams;
  const form = await loadOr404(() => newNewsForm(event.locals.db, actor, q.get('source'), q.get('id')));
  return { ...form, key: crypto.randomUUID() };
};

export const actions: Actions = {
  default: formAction({
    schema: newsSchema,
    run: async ({ db, actor, data }) => ({
      id: await createNews(db, actor, data),
      published: data.intent === 'publish'
    }),
    redirectTo: ({ id, published }) => `/news/${id}?saved=${published ? 'published' : '1'}`
  })
};
