import { loadOr404, requireSignIn } from '$lib/server/http';
import { getPlan } from '$lib/server/program/plans/plan.service';
import type { PageServerLoad } from './$types';

const SAVED = ['created', 'updated'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const plan = await loadOr404(() => getPlan(event.locals.db, actor, event.params.id));
  return { ...plan, saved: SAVED.find((s) => s === event.url.searchParams.get('saved')) ?? null };
};
