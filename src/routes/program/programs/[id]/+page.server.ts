import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { getProgram } from '$lib/server/program/programs/program.service';
import type { PageServerLoad } from './$types';

const SAVED = ['created', 'updated'] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const program = await getProgram(locals.db, actor, params.id);
    return { program, saved: SAVED.find((s) => s === url.searchParams.get('saved')) ?? null };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
