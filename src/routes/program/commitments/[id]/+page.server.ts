import { loadOr404, requireSignIn } from '$lib/server/http';
import { commitmentView } from '$lib/server/program/commitments/commitment-page.service';
import { codeName } from '../../activities/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const c = await loadOr404(() => commitmentView(event.locals.db, actor, event.params.id));
  return {
    commitment: {
      id: c.id,
      party: c.party,
      signer: (c.party === 'household' ? c.household_name : c.person_name) ?? '',
      kind_name: codeName({ name_vi: c.kind_name, name_en: c.kind_name_en }),
      signed_on: c.signed_on,
      village_name: c.village_name,
      organisation_name: c.organisation_name,
      notes: c.notes,
      photo: c.photos[0] ?? null
    },
    canEdit: c.canEdit,
    msg: event.url.searchParams.get('msg')
  };
};
