import { can } from '$lib/server/access/access';
import { orHttp } from '$lib/server/people/route';
import { readCommitmentQuery } from '$lib/server/program/commitments/commitment-filter';
import { commitmentPage, villageSummary } from '$lib/server/program/commitments/commitment-page.service';
import { activeCodes } from '$lib/server/program/activities/activity-query.repository';
import { RECORD } from '$lib/server/program/policy';
import { codeName } from '../activities/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { db, actor } = locals;
  const query = readCommitmentQuery(url.searchParams);
  const all = { ...query, village: undefined };
  const [result, villages, allVillages, kinds] = await orHttp(() =>
    Promise.all([
      commitmentPage(db, actor, query),
      villageSummary(db, actor, query),
      villageSummary(db, actor, all),
      activeCodes(db, 'commitment_kind')
    ])
  );
  return {
    query: {
      village: query.village ?? '',
      kind: query.kind ?? '',
      from: url.searchParams.get('from') ?? '',
      to: url.searchParams.get('to') ?? ''
    },
    ...result,
    villages,
    villageOptions: allVillages.map((v) => ({ id: v.id, name: v.name })),
    kinds: kinds.map((k) => ({ id: k.id, name: codeName(k) })),
    exportQuery: url.searchParams.toString().replace(/(^|&)page=[^&]*/g, ''),
    canRecord: can(actor, RECORD),
    msg: url.searchParams.get('msg')
  };
};
