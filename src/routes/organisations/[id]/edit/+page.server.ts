import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect, unitOption } from '$lib/server/org/org.pages';
import { kindOfType } from '$lib/server/org/organisation.policy';
import { organisationEditSchema } from '$lib/server/org/organisation.schema';
import { editChoices, getWritable } from '$lib/server/org/organisation.service';
import { updateOrganisation } from '$lib/server/org/organisation.commands';
import { formatDate } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const org = await getWritable(locals.db, actor, params.id);
    const choices = await editChoices(locals.db, org);
    const units = choices.units.map(unitOption);
    if (org.admin_unit_id && !units.some((u) => u.value === org.admin_unit_id)) {
      units.unshift({
        value: org.admin_unit_id,
        label: org.unit_code ? `${org.unit_name} (${org.unit_code})` : (org.unit_name ?? '')
      });
    }
    return {
      org: { id: org.id, name: org.name },
      types: choices.types.map((t) => ({ value: t, kind: kindOfType(t) })),
      units,
      current: {
        type: org.type,
        name: org.name,
        admin_unit_id: org.admin_unit_id ?? '',
        valid_from: formatDate(org.valid_from),
        phone: org.phone ?? '',
        address: org.address ?? ''
      }
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url, params }) => {
    const actor = signedInOrRedirect(locals, url);
    const values = formValues(await request.formData()) as Record<string, string>;
    const parsed = validate(organisationEditSchema, values);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await updateOrganisation(locals.db, actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/organisations/${params.id}?saved=updated`));
  }
};
