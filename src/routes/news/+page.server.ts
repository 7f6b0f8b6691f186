import { loadOr404, requireSignIn } from '$lib/server/http';
import { newsIndex } from '$lib/server/news/news-page.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  return loadOr404(() => newsIndex(event.locals.db, actor));
};
