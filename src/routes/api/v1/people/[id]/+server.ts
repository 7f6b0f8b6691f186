import { json } from '@sveltejs/kit';
import { endpoint, parseWith, readJson, signedIn } from '$lib/server/api/api';
import { personPatchSchema } from '$lib/server/people/person.schema';
import { getPerson, toPersonOut, updatePerson } from '$lib/server/people/person.service';
import type { RequestHandler } from './$types';

// Sensitive fields (ethnicity, health) are never part of the API, in or out.
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
  const actor = signedIn(locals.actor);
  return json(toPersonOut(await getPerson(locals.db, actor, params.id)));
});

export const PATCH: RequestHandler = endpoint(async ({ locals, params, request }) => {
  const actor = signedIn(locals.actor);
  const patch = parseWith(personPatchSchema, await readJson(request));
  await updatePerson(locals.db, actor, params.id, patch);
  return json(toPersonOut(await getPerson(locals.db, actor, params.id)));
});
