import { formAction, loadOr404, postedFile, requireSignIn } from '$lib/server/http';
import { programSchema } from '$lib/server/program/programs/program.schema';
import { createProgram, programChoices } from '$lib/server/program/programs/program.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) =>
  loadOr404(() => programChoices(event.locals.db, requireSignIn(event)));

export const actions: Actions = {
  default: formAction({
    schema: programSchema,
    run: async ({ db, actor, data, form }) => createProgram(db, actor, data, await postedFile(form, 'document')),
    redirectTo: (id) => `/program/programs/${id}?saved=created`
  })
};
