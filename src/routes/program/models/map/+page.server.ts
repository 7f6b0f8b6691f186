import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { modelFilterChoices, modelMapPoints } from '$lib/server/program/models/model-list.service';
import { modelQueryString, parseModelQuery } from '$lib/server/program/models/model-list.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  const filter = parseModelQuery(url.searchParams);
  try {
    const [map, choices] = await Promise.all([
      modelMapPoints(locals.db, actor, filter),
      modelFilterChoices(locals.db, actor)
    ]);
    return { filter, ...map, communeChoices: choices.communes, query: modelQueryString(filter) };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
