import { json } from '@sveltejs/kit';
import { endpoint, parseWith, readJson, signedIn } from '$lib/server/api/api';
import { organisationCloseSchema } from '$lib/server/org/organisation.schema';
import { getOrganisation, toApi } from '$lib/server/org/organisation.service';
import { closeOrganisation } from '$lib/server/org/organisation.commands';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
  const actor = signedIn(locals.actor);
  const input = parseWith(organisationCloseSchema, await readJson(request));
  await closeOrganisation(locals.db, actor, params.id, input);
  return json(toApi(await getOrganisation(locals.db, actor, params.id)));
});
