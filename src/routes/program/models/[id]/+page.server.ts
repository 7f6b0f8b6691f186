import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { modelResultSchema } from '$lib/server/program/models/model.schema';
import { addModelResult } from '$lib/server/program/models/model.service';
import { modelDetails } from '$lib/server/program/models/model-list.service';
import { decimalInput } from '../form';
import type { Actions, PageServerLoad } from './$types';

const SAVED = ['created', 'updated', 'result'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const details = await loadOr404(() => modelDetails(event.locals.db, actor, event.params.id));
  return { ...details, saved: SAVED.find((s) => s === event.url.searchParams.get('saved')) ?? null };
};

export const actions: Actions = {
  result: formAction({
    schema: modelResultSchema,
    prepare: (values) => ({ ...values, quantity: decimalInput(values.quantity as string | undefined) }),
    run: ({ db, actor, event, data }) => addModelResult(db, actor, event.params.id!, data),
    redirectTo: (_, e) => `/program/models/${e.params.id}?saved=result#results`
  })
};
