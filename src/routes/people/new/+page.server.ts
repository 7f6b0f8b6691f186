import { fail } from '@sveltejs/kit';
import { formValues, validate } from '$lib/server/forms';
import { failFromError } from '$lib/server/http';
import { membershipInputSchema, personInputSchema } from '$lib/server/people/person.schema';
import { createPerson, formOptions } from '$lib/server/people/person.service';
import { orHttp, toPerson } from '$lib/server/people/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  options: await orHttp(() => formOptions(locals.db, locals.actor))
});

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = formValues(await request.formData());
    const person = validate(personInputSchema, values);
    // Membership is optional: only validated when the date joined or a card number is given.
    const wantsMembership = !!(String(values.joined_on ?? '').trim() || String(values.card_number ?? '').trim());
    const membership = wantsMembership ? validate(membershipInputSchema, values) : null;
    if (!person.ok || (membership && !membership.ok)) {
      return fail(400, {
        values,
        errors: { ...(person.ok ? {} : person.errors), ...(membership && !membership.ok ? membership.errors : {}) }
      });
    }
    let id: string;
    try {
      id = await createPerson(locals.db, locals.actor, person.data, membership?.ok ? membership.data : null);
    } catch (e) {
      return failFromError(e, values);
    }
    toPerson(id, 'created');
  }
};
