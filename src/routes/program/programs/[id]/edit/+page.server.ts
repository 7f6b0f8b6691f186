import { error } from '@sveltejs/kit';
import { formAction, loadOr404, postedFile, requireSignIn } from '$lib/server/http';
import { programSchema } from '$lib/server/program/programs/program.schema';
import { getProgram, programChoices, programValues, updateProgram } from '$lib/server/program/programs/program.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const program = await loadOr404(() => getProgram(db, actor, event.params.id));
  if (!program.canManage) error(404, 'Not found');
  return {
    id: program.id,
    hasDocument: !!program.document_path,
    current: programValues(program),
    ...(await loadOr404(() => programChoices(db, actor)))
  };
};

export const actions: Actions = {
  default: formAction({
    schema: programSchema,
    run: async ({ db, actor, event, data, form }) =>
      updateProgram(db, actor, event.params.id!, data, await postedFile(form, 'document')),
    redirectTo: (_, e) => `/program/programs/${e.params.id}?saved=updated`
  })
};
