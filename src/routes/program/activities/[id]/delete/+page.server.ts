import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError } from '$lib/server/http';
import { orHttp } from '$lib/server/people/route';
import { activityView, removeActivity } from '$lib/server/program/activities/activity-page.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const a = await orHttp(() => activityView(locals.db, locals.actor, params.id));
  return { activity: { id: a.id, kind: a.kind, started_on: a.started_on, unit_name: a.unit_name } };
};

export const actions: Actions = {
  default: async ({ locals, params }) => {
    try {
      await removeActivity(locals.db, locals.actor, params.id);
    } catch (e) {
      return failFromError(e, {});
    }
    redirect(303, localizeHref('/program/activities?msg=deleted'));
  }
};
