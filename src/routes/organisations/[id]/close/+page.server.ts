import { error } from '@sveltejs/kit';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { organisationCloseSchema } from '$lib/server/org/organisation.schema';
import { getWritable, successorChoices } from '$lib/server/org/organisation.service';
import { closeOrganisation } from '$lib/server/org/organisation.commands';
import { formatDate, todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { org, successors } = await loadOr404(async () => {
    const org = await getWritable(db, actor, event.params.id);
    return { org, successors: org.valid_to ? [] : await successorChoices(db, actor, org) };
  });
  // Already closed: nothing to do here; the details page shows when and who took over.
  if (org.valid_to) error(404, 'Not found');
  return {
    org: { id: org.id, name: org.name },
    successors: successors.map((s) => ({ id: s.id, name: s.name })),
    defaults: { valid_to: formatDate(todayVn()), successor_id: '' }
  };
};

export const actions: Actions = {
  default: formAction({
    schema: organisationCloseSchema,
    run: ({ db, actor, event, data }) => closeOrganisation(db, actor, event.params.id!, data),
    redirectTo: (_, e) => `/organisations/${e.params.id}?saved=closed`
  })
};
