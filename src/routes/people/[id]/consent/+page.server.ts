import { fail } from '@sveltejs/kit';
import { formValues, validate } from '$lib/server/forms';
import { failFromError } from '$lib/server/http';
import { consentInputSchema } from '$lib/server/people/person.schema';
import { getPerson } from '$lib/server/people/person.service';
import { recordConsent } from '$lib/server/people/consent.service';
import { orHttp, toPerson } from '$lib/server/people/route';
import { formatDate, todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const person = await orHttp(() => getPerson(locals.db, locals.actor, params.id, 'person.sensitive'));
  return { id: person.id, name: person.full_name, today: formatDate(todayVn()) };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = formValues(await request.formData());
    const parsed = validate(consentInputSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await recordConsent(locals.db, locals.actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    toPerson(params.id, 'consent');
  }
};
