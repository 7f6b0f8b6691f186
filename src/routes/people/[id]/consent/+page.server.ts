import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { consentInputSchema } from '$lib/server/people/person.schema';
import { getPerson } from '$lib/server/people/person.service';
import { recordConsent } from '$lib/server/people/consent.service';
import { formatDate, todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const person = await loadOr404(() => getPerson(event.locals.db, actor, event.params.id, 'person.sensitive'));
  return { id: person.id, name: person.full_name, today: formatDate(todayVn()) };
};

export const actions: Actions = {
  default: formAction({
    schema: consentInputSchema,
    run: ({ db, actor, event, data }) => recordConsent(db, actor, event.params.id!, data),
    redirectTo: (_, e) => `/people/${e.params.id}?msg=consent`
  })
};
