import { formAction, loadOr404, postedFile, requireSignIn } from '$lib/server/http';
import { materialSchema } from '$lib/server/library/library.schema';
import { createMaterial, libraryFormOptions } from '$lib/server/library/library.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  return loadOr404(() => libraryFormOptions(event.locals.db, actor));
};

export const actions: Actions = {
  default: formAction({
    schema: materialSchema,
    run: async ({ db, actor, data, form }) =>
      createMaterial(db, actor, data, (await postedFile(form, 'audio'))?.bytes ?? null),
    redirectTo: (id) => `/library/${id}?saved=1`
  })
};
