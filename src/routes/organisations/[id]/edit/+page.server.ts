import { formAction, rethrowAsHttp } from '$lib/server/http';
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
  default: formAction({
    schema: organisationEditSchema,
    run: ({ db, actor, event, data }) => updateOrganisation(db, actor, event.params.id!, data),
    redirectTo: (_, e) => `/organisations/${e.params.id}?saved=updated`
  })
};
