import { can } from '$lib/server/access/access';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { readCommitmentQuery } from '$lib/server/program/commitments/commitment-filter';
import { commitmentPage, kindChoices, villageSummary } from '$lib/server/program/commitments/commitment-page.service';
import { RECORD } from '$lib/server/program/policy';
import { codeName } from '../activities/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { searchParams } = event.url;
  const query = readCommitmentQuery(searchParams);
  const all = { ...query, village: undefined };
  const [result, villages, allVillages, kinds] = await loadOr404(() =>
    Promise.all([
      commitmentPage(db, actor, query),
      villageSummary(db, actor, query),
      villageSummary(db, actor, all),
      kindChoices(db)
    ])
  );
  return {
    query: {
      village: query.village ?? '',
      kind: query.kind ?? '',
      from: searchParams.get('from') ?? '',
      to: searchParams.get('to') ?? ''
    },
    ...result,
    villages,
    villageOptions: allVillages.map((v) => ({ id: v.id, name: v.name })),
    kinds: kinds.map((k) => ({ id: k.id, name: codeName(k) })),
    exportQuery: searchParams.toString().replace(/(^|&)page=[^&]*/g, ''),
    canRecord: can(actor, RECORD),
    msg: searchParams.get('msg')
  };
};
