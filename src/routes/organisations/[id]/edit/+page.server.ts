import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { kindOfType } from '$lib/server/org/organisation.policy';
import { organisationEditSchema } from '$lib/server/org/organisation.schema';
import { editChoices, getWritable, unitOption } from '$lib/server/org/organisation.service';
import { updateOrganisation } from '$lib/server/org/organisation.commands';
import { formatDate } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { org, choices } = await loadOr404(async () => {
    const org = await getWritable(db, actor, event.params.id);
    return { org, choices: await editChoices(db, org) };
  });
  const units = choices.units.map(unitOption);
  // A unit no longer offered (e.g. merged away) stays selectable for the body that has it.
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
};

export const actions: Actions = {
  default: formAction({
    schema: organisationEditSchema,
    run: ({ db, actor, event, data }) => updateOrganisation(db, actor, event.params.id!, data),
    redirectTo: (_, e) => `/organisations/${e.params.id}?saved=updated`
  })
};
