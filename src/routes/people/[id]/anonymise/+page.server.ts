import { fail } from '@sveltejs/kit';
import { failFromError } from '$lib/server/http';
import { t } from '$lib/server/i18n';
import { getPerson } from '$lib/server/people/person.service';
import { anonymisePerson } from '$lib/server/people/rights.service';
import { orHttp, toPerson } from '$lib/server/people/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const person = await orHttp(() => getPerson(locals.db, locals.actor, params.id, 'person.export'));
  return { id: person.id, name: person.full_name, anonymised: !!person.anonymised_at };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const form = await request.formData();
    // An irreversible erasure needs an explicit tick, never a pre-ticked box.
    if (form.get('confirm') !== 'yes') return fail(400, { errors: { confirm: t('people_err_confirm') } });
    try {
      await anonymisePerson(locals.db, locals.actor, params.id);
    } catch (e) {
      return failFromError(e, {});
    }
    toPerson(params.id, 'anonymised');
  }
};
