import { can } from '$lib/server/access/access';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { readActivityQuery } from '$lib/server/program/activities/activity-filter';
import { listDateErrors } from '$lib/server/forms';
import { activityPage, placeOptions, topicChoices } from '$lib/server/program/activities/activity-page.service';
import { READ, RECORD } from '$lib/server/program/policy';
import { codeName } from './labels';
import type { PageServerLoad } from './$types';

// A GET filter form, the list and the pager: nothing here needs a script, so the page ships none.
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { searchParams } = event.url;
  const query = readActivityQuery(searchParams);
  const [result, places, topics] = await loadOr404(() =>
    Promise.all([activityPage(db, actor, query), placeOptions(db, actor, READ), topicChoices(db)])
  );
  return {
    query: {
      kind: query.kind ?? '',
      from: searchParams.get('from') ?? '',
      to: searchParams.get('to') ?? '',
      unit: query.unit ?? '',
      topic: query.topic ?? ''
    },
    ...result,
    units: places.units.map((u) => ({ id: u.id, name: u.name, level: u.level })),
    topics: topics.map((t) => ({ id: t.id, name: codeName(t) })),
    exportQuery: searchParams.toString().replace(/(^|&)page=[^&]*/g, ''),
    canRecord: can(actor, RECORD),
    msg: searchParams.get('msg'),
    // A date that cannot filter is said so (and the list shown without it), not silently dropped.
    errors: listDateErrors(searchParams)
  };
};
