import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { organisationCloseSchema } from '$lib/server/org/organisation.schema';
import { getWritable, successorChoices } from '$lib/server/org/organisation.service';
import { closeOrganisation } from '$lib/server/org/organisation.commands';
import { formatDate, todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const org = await getWritable(locals.db, actor, params.id);
    // Already closed: nothing to do here; the details page shows when and who took over.
    if (org.valid_to) error(404, 'Not found');
    const successors = await successorChoices(locals.db, actor, org);
    return {
      org: { id: org.id, name: org.name },
      successors: successors.map((s) => ({ id: s.id, name: s.name })),
      defaults: { valid_to: formatDate(todayVn()), successor_id: '' }
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url, params }) => {
    const actor = signedInOrRedirect(locals, url);
    const values = formValues(await request.formData()) as Record<string, string>;
    const parsed = validate(organisationCloseSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await closeOrganisation(locals.db, actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/organisations/${params.id}?saved=closed`));
  }
};
