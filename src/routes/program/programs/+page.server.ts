import { can } from '$lib/server/access/access';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { listPrograms } from '$lib/server/program/programs/program.service';
import { MANAGE } from '$lib/server/program/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
  const programs = await loadOr404(() => listPrograms(event.locals.db, actor, q));
  return { q, programs, canManage: can(actor, MANAGE) };
};
