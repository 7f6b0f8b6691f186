import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { organisationDetails } from '$lib/server/org/organisation.service';
import type { PageServerLoad } from './$types';

const SAVED = ['created', 'updated', 'closed'] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const details = await organisationDetails(locals.db, actor, params.id);
    const saved = SAVED.find((s) => s === url.searchParams.get('saved')) ?? null;
    return { ...details, saved };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
