import { fail } from '@sveltejs/kit';
import { formValues, validate } from '$lib/server/forms';
import { failFromError } from '$lib/server/http';
import { personInputSchema } from '$lib/server/people/person.schema';
import { formOptions, getPerson, updatePerson } from '$lib/server/people/person.service';
import { orHttp, toPerson } from '$lib/server/people/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const [person, options] = await orHttp(() =>
    Promise.all([getPerson(locals.db, locals.actor, params.id, 'person.write'), formOptions(locals.db, locals.actor)])
  );
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    id: person.id,
    name: person.full_name,
    anonymised: !!person.anonymised_at,
    initial: Object.fromEntries(
      ['full_name', 'birth_year', 'sex', 'organisation_id', 'village_unit_id', 'phone', 'address'].map((k) => [
        k,
        str(person[k as keyof typeof person])
      ])
    ),
    options
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = formValues(await request.formData());
    const parsed = validate(personInputSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await updatePerson(locals.db, locals.actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    toPerson(params.id, 'saved');
  }
};
