import { can } from '$lib/server/access/access';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { listModelsIn, modelFilterChoices } from '$lib/server/program/models/model-list.service';
import { modelQueryString, parseModelQuery } from '$lib/server/program/models/model-list.schema';
import { RECORD } from '$lib/server/program/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const filter = parseModelQuery(event.url.searchParams);
  const [rows, choices] = await loadOr404(() =>
    Promise.all([listModelsIn(db, actor, filter), modelFilterChoices(db, actor)])
  );
  return { filter, rows, ...choices, query: modelQueryString(filter), canRecord: can(actor, RECORD) };
};
