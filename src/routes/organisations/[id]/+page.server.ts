import { loadOr404, requireSignIn } from '$lib/server/http';
import { organisationDetails } from '$lib/server/org/organisation.service';
import type { PageServerLoad } from './$types';

const SAVED = ['created', 'updated', 'closed'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const details = await loadOr404(() => organisationDetails(event.locals.db, actor, event.params.id));
  const saved = SAVED.find((s) => s === event.url.searchParams.get('saved')) ?? null;
  return { ...details, saved };
};
