import { error } from '@sveltejs/kit';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import {
  activityFormInput,
  activityFormSchema,
  removedPhotos,
  uploadsOf
} from '$lib/server/program/activities/activity-form';
import { activityFormOptions, activityView, editActivity } from '$lib/server/program/activities/activity-page.service';
import { formatDate } from '$lib/shared/format';
import { formOptionsView } from '../../options.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const a = await loadOr404(() => activityView(db, actor, event.params.id));
  if (!a.canEdit) error(404, 'Not found');
  const o = await loadOr404(() => activityFormOptions(db, actor));
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
      material_ids: a.material_ids,
      ntm_criterion: a.ntm_criterion ?? 'none',
      notes: a.notes ?? '',
      attendees: a.attendees
    }
  };
};

export const actions: Actions = {
  default: formAction({
    schema: activityFormSchema,
    prepare: activityFormInput,
    run: async ({ db, actor, event, data, form, values }) =>
      editActivity(db, actor, event.params.id!, data, await uploadsOf(form, 'photos'), removedPhotos(values)),
    redirectTo: (_, e) => `/program/activities/${e.params.id}?msg=updated`
  })
};
