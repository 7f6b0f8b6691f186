import { loadOr404, requireSignIn } from '$lib/server/http';
import { getProgram } from '$lib/server/program/programs/program.service';
import type { PageServerLoad } from './$types';

const SAVED = ['created', 'updated'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const program = await loadOr404(() => getProgram(event.locals.db, actor, event.params.id));
  return { program, saved: SAVED.find((s) => s === event.url.searchParams.get('saved')) ?? null };
};
