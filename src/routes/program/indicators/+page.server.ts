import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { manualValueSchema } from '$lib/server/program/indicators/manual-value.schema';
import {
  deleteManualValue,
  listManualValues,
  manualValueChoices,
  saveManualValue
} from '$lib/server/program/indicators/manual-value.service';
import type { Actions, PageServerLoad } from './$types';

/** Choose the organisation (a GET form, so it works without JavaScript), then enter figures. */
export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { searchParams } = event.url;
  const { choices, values } = await loadOr404(async () => {
    const choices = await manualValueChoices(db, actor, searchParams.get('org'));
    const organisationId = choices.organisationId;
    return { choices, values: organisationId ? await listManualValues(db, actor, { organisationId }) : [] };
  });
  const done = searchParams.get('done');
  return { ...choices, values, done: done === 'saved' || done === 'deleted' ? done : null };
};

/** The delete buttons post the figure's id and the organisation the page was showing. */
const deleteSchema = z.object({ id: z.string().default(''), org: z.string().default('') });

export const actions: Actions = {
  save: formAction({
    schema: manualValueSchema,
    run: async ({ db, actor, data }) => {
      await saveManualValue(db, actor, data);
      return data.organisation_id;
    },
    redirectTo: (org) => `/program/indicators?org=${org}&done=saved`
  }),
  delete: formAction({
    schema: deleteSchema,
    run: async ({ db, actor, data }) => {
      await deleteManualValue(db, actor, data.id);
      return data.org;
    },
    redirectTo: (org) => `/program/indicators?org=${org}&done=deleted`
  })
};
