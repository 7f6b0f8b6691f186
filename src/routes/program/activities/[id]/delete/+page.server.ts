import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { activityView, removeActivity } from '$lib/server/program/activities/activity-page.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const a = await loadOr404(() => activityView(event.locals.db, actor, event.params.id));
  return { activity: { id: a.id, kind: a.kind, started_on: a.started_on, unit_name: a.unit_name } };
};

export const actions: Actions = {
  default: formAction({
    schema: z.object({}),
    run: ({ db, actor, event }) => removeActivity(db, actor, event.params.id!),
    redirectTo: '/program/activities?msg=deleted'
  })
};
