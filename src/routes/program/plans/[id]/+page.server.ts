import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { getPlan } from '$lib/server/program/plans/plan.service';
import type { PageServerLoad } from './$types';

const SAVED = ['created', 'updated'] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    return {
      ...(await getPlan(locals.db, actor, params.id)),
      saved: SAVED.find((s) => s === url.searchParams.get('saved')) ?? null
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
