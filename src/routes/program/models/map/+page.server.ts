import { loadOr404, requireSignIn } from '$lib/server/http';
import { modelFilterChoices, modelMapPoints } from '$lib/server/program/models/model-list.service';
import { modelQueryString, parseModelQuery } from '$lib/server/program/models/model-list.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const filter = parseModelQuery(event.url.searchParams);
  const [map, choices] = await loadOr404(() =>
    Promise.all([modelMapPoints(db, actor, filter), modelFilterChoices(db, actor)])
  );
  return { filter, ...map, communeChoices: choices.communes, query: modelQueryString(filter) };
};
