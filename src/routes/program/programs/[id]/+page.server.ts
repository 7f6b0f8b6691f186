import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { getProgram } from '$lib/server/program/programs/program.service';
import { z } from 'zod';
import { programDocuments, issueProgram } from '$lib/server/program/documents/documents.service';
import type { Actions, PageServerLoad } from './$types';

const SAVED = ['created', 'updated'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const program = await loadOr404(() => getProgram(event.locals.db, actor, event.params.id));
  const documents = await programDocuments(event.locals.db, program.id);
  return { program, documents, saved: SAVED.find((s) => s === event.url.searchParams.get('saved')) ?? null };
};

export const actions: Actions = {
  issue: formAction({
    name: 'issue',
    schema: z.object({}),
    run: async (c) => void (await issueProgram(c.db, c.actor, c.event.params.id!)),
    redirectTo: (_, e) => `/program/programs/${e.params.id}`
  })
};
