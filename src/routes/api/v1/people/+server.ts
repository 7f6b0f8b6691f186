import { json } from '@sveltejs/kit';
import { endpoint, parseWith, queryObject, readJson, signedIn } from '$lib/server/api/api';
import { personInputSchema, personQuerySchema } from '$lib/server/people/person.schema';
import { createPerson, getPerson, listPeople, toPersonOut } from '$lib/server/people/person.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, url }) => {
  const actor = signedIn(locals.actor);
  const query = parseWith(personQuerySchema, queryObject(url));
  const { rows, total, page } = await listPeople(locals.db, actor, query);
  return json({ items: rows.map(toPersonOut), total, page, page_size: query.per_page });
});

export const POST: RequestHandler = endpoint(async ({ locals, request, url }) => {
  const actor = signedIn(locals.actor);
  const input = parseWith(personInputSchema, await readJson(request));
  const id = await createPerson(locals.db, actor, input);
  return json(toPersonOut(await getPerson(locals.db, actor, id)), {
    status: 201,
    headers: { location: `${url.pathname}/${id}` }
  });
});
