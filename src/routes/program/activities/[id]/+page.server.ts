import { loadOr404, requireSignIn } from '$lib/server/http';
import { activityView } from '$lib/server/program/activities/activity-page.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const a = await loadOr404(() => activityView(event.locals.db, actor, event.params.id));
  return {
    activity: {
      id: a.id,
      kind: a.kind,
      outreach_mode: a.outreach_mode,
      started_on: a.started_on,
      ended_on: a.ended_on,
      organisation_name: a.organisation_name,
      unit_name: a.unit_name,
      topic_names: a.topic_names,
      audiences: a.audiences,
      count_total: a.count_total,
      count_elderly: a.count_elderly,
      count_women: a.count_women,
      count_ethnic_minority: a.count_ethnic_minority,
      partners: a.partners,
      materials: a.materials,
      materials_used: a.materials_used,
      ntm_criterion: a.ntm_criterion,
      notes: a.notes,
      attendee_names: a.attendee_names.map((p) => p.full_name),
      photos: a.photos
    },
    canEdit: a.canEdit,
    msg: event.url.searchParams.get('msg')
  };
};
