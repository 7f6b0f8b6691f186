import { can } from '$lib/server/access/access';
import { queryObject } from '$lib/server/api/api';
import { validate } from '$lib/server/forms';
import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { ORG_KINDS, TYPES_BY_KIND } from '$lib/server/org/organisation.policy';
import { orgQuerySchema } from '$lib/server/org/organisation.schema';
import { listOrganisations, organisationTree } from '$lib/server/org/organisation.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  const values = queryObject(url);
  const parsed = validate(orgQuerySchema, values);
  // A bad filter (e.g. an impossible date) is shown next to its field; the rest still applies.
  const query = parsed.ok ? parsed.data : orgQuerySchema.parse({ ...values, as_of: '', page: '' });
  const view = values.view === 'tree' ? 'tree' : 'list';
  try {
    return {
      view,
      values,
      errors: parsed.ok ? {} : parsed.errors,
      list: view === 'list' ? await listOrganisations(locals.db, actor, query) : null,
      tree: view === 'tree' ? await organisationTree(locals.db, actor, query) : null,
      canCreate: can(actor, 'org.write'),
      kinds: ORG_KINDS,
      typesByKind: TYPES_BY_KIND
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
