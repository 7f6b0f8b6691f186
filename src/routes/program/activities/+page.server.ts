import { can } from '$lib/server/access/access';
import { orHttp } from '$lib/server/people/route';
import { readActivityQuery } from '$lib/server/program/activities/activity-filter';
import { activityPage, placeOptions } from '$lib/server/program/activities/activity-page.service';
import { activeCodes } from '$lib/server/program/activities/activity-query.repository';
import { READ, RECORD } from '$lib/server/program/policy';
import { codeName } from './labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { db, actor } = locals;
  const query = readActivityQuery(url.searchParams);
  const [result, places, topics] = await orHttp(() =>
    Promise.all([activityPage(db, actor, query), placeOptions(db, actor, READ), activeCodes(db, 'topic')])
  );
  return {
    query: {
      kind: query.kind ?? '',
      from: url.searchParams.get('from') ?? '',
      to: url.searchParams.get('to') ?? '',
      unit: query.unit ?? '',
      topic: query.topic ?? ''
    },
    ...result,
    units: places.units.map((u) => ({ id: u.id, name: u.name, level: u.level })),
    topics: topics.map((t) => ({ id: t.id, name: codeName(t) })),
    exportQuery: url.searchParams.toString().replace(/(^|&)page=[^&]*/g, ''),
    canRecord: can(actor, RECORD),
    msg: url.searchParams.get('msg')
  };
};
