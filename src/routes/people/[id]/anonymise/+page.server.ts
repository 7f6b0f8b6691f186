import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { anonymiseSchema } from '$lib/server/people/person.schema';
import { getPerson } from '$lib/server/people/person.service';
import { anonymisePerson } from '$lib/server/people/rights.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const person = await loadOr404(() => getPerson(event.locals.db, actor, event.params.id, 'person.export'));
  return { id: person.id, name: person.full_name, anonymised: !!person.anonymised_at };
};

export const actions: Actions = {
  default: formAction({
    schema: anonymiseSchema,
    run: ({ db, actor, event }) => anonymisePerson(db, actor, event.params.id!),
    redirectTo: (_, e) => `/people/${e.params.id}?msg=anonymised`
  })
};
