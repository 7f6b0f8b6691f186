import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { getPlan } from '$lib/server/program/plans/plan.service';
import { z } from 'zod';
import { planDocuments, issuePlan } from '$lib/server/program/documents/documents.service';
import type { Actions, PageServerLoad } from './$types';

const SAVED = ['created', 'updated'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const plan = await loadOr404(() => getPlan(event.locals.db, actor, event.params.id));
  const documents = await planDocuments(event.locals.db, plan.plan.id);
  return { ...plan, documents, saved: SAVED.find((s) => s === event.url.searchParams.get('saved')) ?? null };
};

export const actions: Actions = {
  issue: formAction({
    name: 'issue',
    schema: z.object({}),
    run: async (c) => void (await issuePlan(c.db, c.actor, c.event.params.id!)),
    redirectTo: (_, e) => `/program/plans/${e.params.id}`
  })
};
