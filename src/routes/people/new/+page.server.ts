import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { personCreateFormSchema } from '$lib/server/people/person.schema';
import { createPerson, formOptions } from '$lib/server/people/person.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  options: await loadOr404(() => formOptions(event.locals.db, requireSignIn(event)))
});

export const actions: Actions = {
  default: formAction({
    schema: personCreateFormSchema,
    run: ({ db, actor, data: { card_number, joined_on, ...person } }) =>
      createPerson(db, actor, person, joined_on ? { card_number, joined_on } : null),
    redirectTo: (id) => `/people/${id}?msg=created`
  })
};
