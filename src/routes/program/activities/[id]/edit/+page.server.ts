import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError, sessionExpired } from '$lib/server/http';
import { orHttp } from '$lib/server/people/route';
import { readActivityForm } from '$lib/server/program/activities/activity-form';
import { activityFormOptions, activityView, editActivity } from '$lib/server/program/activities/activity-page.service';
import { formatDate } from '$lib/shared/format';
import { formOptionsView } from '../../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const a = await orHttp(() => activityView(locals.db, locals.actor, params.id));
  if (!a.canEdit) error(404, 'Not found');
  const o = await orHttp(() => activityFormOptions(locals.db, locals.actor));
  const text = (n: number) => String(n);
  return {
    id: a.id,
    options: formOptionsView(o),
    photos: a.photos,
    record: {
      kind: a.kind,
      outreach_mode: a.outreach_mode ?? '',
      organisation_id: a.organisation_id,
      admin_unit_id: a.admin_unit_id,
      started_on: formatDate(a.started_on),
      ended_on: formatDate(a.ended_on),
      count_total: text(a.count_total),
      count_elderly: text(a.count_elderly),
      count_women: text(a.count_women),
      count_ethnic_minority: text(a.count_ethnic_minority),
      topics: a.topics,
      audiences: a.audiences,
      partners: a.partners ?? '',
      materials: a.materials ?? '',
      ntm_criterion: a.ntm_criterion ?? 'none',
      notes: a.notes ?? '',
      attendees: a.attendees
    }
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const f = await readActivityForm(await request.formData());
    const expired = sessionExpired(locals, f.values);
    if (expired) return expired;
    if (!f.parsed.ok) return fail(400, { values: f.values, errors: f.parsed.errors });
    try {
      await editActivity(locals.db, locals.actor, params.id, f.parsed.data, f.uploads, f.removeIds);
    } catch (e) {
      return failFromError(e, f.values);
    }
    redirect(303, localizeHref(`/program/activities/${params.id}?msg=updated`));
  }
};
