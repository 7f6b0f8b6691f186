import { can } from '$lib/server/access/access';
import { queryObject } from '$lib/server/api/api';
import { validate } from '$lib/server/forms';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { ORG_KINDS, TYPES_BY_KIND } from '$lib/server/org/organisation.policy';
import { orgQuerySchema } from '$lib/server/org/organisation.schema';
import { listOrganisations, organisationTree } from '$lib/server/org/organisation.service';
import type { PageServerLoad } from './$types';

// A GET filter form, the tree and links: nothing here needs a script, so the page ships none.
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const values = queryObject(event.url);
  const parsed = validate(orgQuerySchema, values);
  // A bad filter (e.g. an impossible date, page=abc) is shown next to its field and left out;
  // the rest still applies.
  const valid = parsed.ok ? values : Object.fromEntries(Object.entries(values).filter(([k]) => !(k in parsed.errors)));
  const query = parsed.ok ? parsed.data : (orgQuerySchema.safeParse(valid).data ?? orgQuerySchema.parse({}));
  const view = values.view === 'tree' ? 'tree' : 'list';
  return loadOr404(async () => ({
    view,
    values,
    errors: parsed.ok ? {} : parsed.errors,
    list: view === 'list' ? await listOrganisations(db, actor, query) : null,
    tree: view === 'tree' ? await organisationTree(db, actor, query) : null,
    canCreate: can(actor, 'org.write'),
    kinds: ORG_KINDS,
    typesByKind: TYPES_BY_KIND
  }));
};
