import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { personInputSchema } from '$lib/server/people/person.schema';
import { formOptions, getPerson, updatePerson } from '$lib/server/people/person.service';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['full_name', 'birth_year', 'sex', 'organisation_id', 'village_unit_id', 'phone', 'address'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const [person, options] = await loadOr404(() =>
    Promise.all([getPerson(db, actor, event.params.id, 'person.write'), formOptions(db, actor)])
  );
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    id: person.id,
    name: person.full_name,
    anonymised: !!person.anonymised_at,
    initial: Object.fromEntries(FIELDS.map((k) => [k, str(person[k])])),
    options
  };
};

export const actions: Actions = {
  default: formAction({
    schema: personInputSchema,
    run: ({ db, actor, event, data }) => updatePerson(db, actor, event.params.id!, data),
    redirectTo: (_, e) => `/people/${e.params.id}?msg=saved`
  })
};
