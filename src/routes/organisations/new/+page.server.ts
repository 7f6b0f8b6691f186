import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { kindOfType } from '$lib/server/org/organisation.policy';
import { organisationCreateFormSchema } from '$lib/server/org/organisation.schema';
import { createChoices, parentChoices, unitOption } from '$lib/server/org/organisation.service';
import { createOrganisation } from '$lib/server/org/organisation.commands';
import { formatDate, todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

/**
 * Two steps that work without JavaScript: choose the parent (a GET form), then fill in the
 * organisation with the types and units that fit under that parent.
 */
export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { searchParams } = event.url;
  if (!searchParams.has('parent')) {
    return { step: 'parent' as const, ...(await loadOr404(() => parentChoices(db, actor))) };
  }
  const parentId = searchParams.get('parent') ?? '';
  const { parent, types, units } = await loadOr404(() => createChoices(db, actor, parentId));
  return {
    step: 'details' as const,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    types: types.map((t) => ({ value: t, kind: kindOfType(t) })),
    units: units.map(unitOption),
    defaults: { valid_from: formatDate(todayVn()), parent_id: parentId, admin_unit_id: parent?.admin_unit_id ?? '' }
  };
};

export const actions: Actions = {
  default: formAction({
    schema: organisationCreateFormSchema,
    // The kind follows from the chosen type; the service checks it against the parent.
    run: ({ db, actor, data }) => createOrganisation(db, actor, { ...data, kind: kindOfType(data.type) }),
    redirectTo: (id) => `/organisations/${id}?saved=created`
  })
};
