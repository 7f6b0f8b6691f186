import { json } from '@sveltejs/kit';
import { endpoint, parseWith, queryObject, readJson, signedIn } from '$lib/server/api/api';
import { organisationCreateSchema, orgQuerySchema } from '$lib/server/org/organisation.schema';
import { getOrganisation, listOrganisations, toApi } from '$lib/server/org/organisation.service';
import { createOrganisation } from '$lib/server/org/organisation.commands';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, url }) => {
  const actor = signedIn(locals.actor);
  const query = parseWith(orgQuerySchema, queryObject(url));
  const { items, total, page, pageSize } = await listOrganisations(locals.db, actor, query);
  return json({ items: items.map(toApi), total, page, page_size: pageSize });
});

export const POST: RequestHandler = endpoint(async ({ locals, request, url }) => {
  const actor = signedIn(locals.actor);
  const input = parseWith(organisationCreateSchema, await readJson(request));
  const id = await createOrganisation(locals.db, actor, input);
  const created = await getOrganisation(locals.db, actor, id);
  return json(toApi(created), { status: 201, headers: { location: `${url.pathname}/${id}` } });
});
