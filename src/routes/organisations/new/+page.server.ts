import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { failFromError, rethrowAsHttp } from '$lib/server/http';
import { isAdministrator, signedInOrRedirect, unitOption } from '$lib/server/org/org.pages';
import { ORG_TYPES, kindOfType, type OrgType } from '$lib/server/org/organisation.policy';
import { organisationCreateSchema } from '$lib/server/org/organisation.schema';
import {
  canWrite,
  getOrganisation,
  typeChoices,
  unitChoices,
  writableParents
} from '$lib/server/org/organisation.service';
import { createOrganisation } from '$lib/server/org/organisation.commands';
import { formatDate, todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

/**
 * Two steps that work without JavaScript: choose the parent (a GET form), then fill in the
 * organisation with the types and units that fit under that parent.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    if (!url.searchParams.has('parent')) {
      const parents = await writableParents(locals.db, actor);
      return {
        step: 'parent' as const,
        parents: parents.map((p) => ({ id: p.id, name: p.name })),
        allowTop: isAdministrator(actor)
      };
    }
    const parentId = url.searchParams.get('parent') ?? '';
    if (!parentId && !isAdministrator(actor)) error(404, 'Not found');
    const parent = parentId ? await getOrganisation(locals.db, actor, parentId) : null;
    if (parent && !(await canWrite(locals.db, actor, parent.id))) error(404, 'Not found');
    const types = typeChoices(parent);
    if (!types.length) error(404, 'Not found');
    const units = await unitChoices(locals.db, parent, todayVn());
    return {
      step: 'details' as const,
      parent: parent ? { id: parent.id, name: parent.name } : null,
      types: types.map((t) => ({ value: t, kind: kindOfType(t) })),
      units: units.map(unitOption),
      defaults: { valid_from: formatDate(todayVn()), parent_id: parentId, admin_unit_id: parent?.admin_unit_id ?? '' }
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const actor = signedInOrRedirect(locals, url);
    const values = formValues(await request.formData()) as Record<string, string>;
    // The kind follows from the chosen type; the service checks it against the parent.
    const kind = (ORG_TYPES as readonly string[]).includes(values.type) ? kindOfType(values.type as OrgType) : '';
    const parsed = validate(organisationCreateSchema, { ...values, kind });
    if (!parsed.ok) {
      // The kind is derived from the type, so a missing type is reported once, on the type.
      const { kind: _kind, ...errors } = parsed.errors;
      return fail(400, { values, errors });
    }
    let id: string;
    try {
      id = await createOrganisation(locals.db, actor, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/organisations/${id}?saved=created`));
  }
};
