import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { can } from '$lib/server/access/access';
import { listModelsIn, modelFilterChoices } from '$lib/server/program/models/model-list.service';
import { modelQueryString, parseModelQuery } from '$lib/server/program/models/model-list.schema';
import { RECORD } from '$lib/server/program/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  const filter = parseModelQuery(url.searchParams);
  try {
    const [rows, choices] = await Promise.all([
      listModelsIn(locals.db, actor, filter),
      modelFilterChoices(locals.db, actor)
    ]);
    return { filter, rows, ...choices, query: modelQueryString(filter), canRecord: can(actor, RECORD) };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
