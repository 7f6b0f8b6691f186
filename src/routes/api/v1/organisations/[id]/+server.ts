import { json } from '@sveltejs/kit';
import { endpoint, parseWith, readJson, signedIn } from '$lib/server/api/api';
import { organisationPatchSchema } from '$lib/server/org/organisation.schema';
import { getOrganisation, toApi } from '$lib/server/org/organisation.service';
import { updateOrganisation } from '$lib/server/org/organisation.commands';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
  const actor = signedIn(locals.actor);
  return json(toApi(await getOrganisation(locals.db, actor, params.id)));
});

export const PATCH: RequestHandler = endpoint(async ({ locals, params, request }) => {
  const actor = signedIn(locals.actor);
  const patch = parseWith(organisationPatchSchema, await readJson(request));
  await updateOrganisation(locals.db, actor, params.id, patch);
  return json(toApi(await getOrganisation(locals.db, actor, params.id)));
});
