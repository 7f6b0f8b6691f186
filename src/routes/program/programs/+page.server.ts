import { rethrowAsHttp } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { can } from '$lib/server/access/access';
import { listPrograms } from '$lib/server/program/programs/program.service';
import { MANAGE } from '$lib/server/program/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  const q = (url.searchParams.get('q') ?? '').slice(0, 200);
  try {
    return { q, programs: await listPrograms(locals.db, actor, q), canManage: can(actor, MANAGE) };
  } catch (e) {
    rethrowAsHttp(e);
  }
};
