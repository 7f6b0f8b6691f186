import { z } from 'zod';
import { chosenFile, id } from '$lib/server/fields';
import { formAction, loadOr404 } from '$lib/server/http';
import { formOptions } from '$lib/server/people/person.service';
import { uploadMemberList } from '$lib/server/people/import.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  options: await loadOr404(() => formOptions(locals.db, locals.actor))
});

export const actions: Actions = {
  default: formAction({
    schema: z.object({ organisation_id: id, file: chosenFile }),
    prepare: (values, form) => ({ ...values, file: form.get('file') }),
    run: async ({ db, actor, data: { organisation_id, file } }) =>
      uploadMemberList(db, actor, {
        organisationId: organisation_id,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer())
      }),
    redirectTo: (uploadId) => `/people/import/${uploadId}`
  })
};
